package org.tritondatacenter.origin.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelAddRequestTest {
  @Test
  void byName_withImgapiTilde_keepsTheSubstring() {
    ChannelAddRequest request =
        ChannelAddRequest.byName("dev", "~triton-origin-", "1.0", true, List.of("staging"), false);

    assertThat(request.name()).isEqualTo("triton-origin-");
    assertThat(request.selectsByName()).isTrue();
  }

  @Test
  void byUuids_repeatedChannels_keepsEachOnceInOrder() {
    ChannelAddRequest request =
        ChannelAddRequest.byUuids(
            "dev",
            List.of("11111111-1111-4111-8111-111111111111"),
            List.of("staging", "release", "staging"),
            false);

    assertThat(request.channels()).containsExactly("staging", "release");
  }

  @Test
  void constructor_noTargetChannel_isRefused() {
    assertThatThrownBy(() -> ChannelAddRequest.byUuids("dev", List.of("x"), List.of(), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one target channel");
  }

  @Test
  void constructor_uuidsAndName_isRefused() {
    assertThatThrownBy(
            () ->
                new ChannelAddRequest(
                    "dev", List.of("staging"), List.of("x"), "name", "1.0", true, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not both");
  }

  @Test
  void constructor_nameWithoutVersion_isRefused() {
    assertThatThrownBy(
            () ->
                new ChannelAddRequest("dev", List.of("staging"), List.of(), "n", null, true, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both name and version");
  }
}
