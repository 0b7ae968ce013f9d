package org.tritondatacenter.origin.prune;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PruneRequestTest {
  @Test
  void constructor_keepNothing_isRefused() {
    assertThatThrownBy(() -> new PruneRequest("/a/public/builds/p", 0, null, null, 1, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keep at least 1");
  }

  @Test
  void constructor_channelWithBlankFilter_isRefused() {
    assertThatThrownBy(() -> new PruneRequest(null, 1, "experimental", " ", 1, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name filter is empty");
  }

  @Test
  void constructor_nothingToPrune_isRefused() {
    assertThatThrownBy(() -> new PruneRequest(null, 1, null, null, 1, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a Manta project directory, a channel, or both");
  }
}
