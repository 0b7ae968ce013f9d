package org.tritondatacenter.origin.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tritondatacenter.origin.TritonException;

class KnownBrokenOriginsTest {

  @ParameterizedTest
  @CsvSource({
    "base-64-lts, 16.4.1",
    "base-64-lts, 16.4.0",
    "minimal-64-lts, 16.4.1",
    "minimal-multiarch-lts, 16.4.2",
    "base-multiarch, 16.4.1",
    "minimal-32, 16.4.1"
  })
  void reason_minimalOrBase164_isDataset1297(String name, String version) {
    assertThat(KnownBrokenOrigins.reason(name, version)).contains(KnownBrokenOrigins.DATASET_1297);
  }

  @ParameterizedTest
  @CsvSource({
    "minimal-64-lts, 17.4.0",
    "minimal-64-lts, 24.4.1",
    "base-64-lts, 16.3.1",
    "ubuntu-certified-16.04, 16.4.1",
    "minimal-64-lts, 16.4.1-rc"
  })
  void reason_otherOrigins_isEmpty(String name, String version) {
    assertThat(KnownBrokenOrigins.reason(name, version)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"base-64-lts, 16.4.1"})
  void check_brokenWithoutOverride_throwsNamingOriginAndReason(String name, String version) {
    assertThatThrownBy(() -> KnownBrokenOrigins.check(name, version, false))
        .isInstanceOf(TritonException.class)
        .hasMessageStartingWith("origin base-64-lts@16.4.1 is known to be broken (DATASET-1297:")
        .hasMessageContaining("use a newer origin, or set 'allowKnownBrokenOrigin'");
  }

  @ParameterizedTest
  @CsvSource({"base-64-lts, 16.4.1", "minimal-64-lts, 24.4.1"})
  void check_withOverride_passes(String name, String version) {
    assertThatCode(() -> KnownBrokenOrigins.check(name, version, true)).doesNotThrowAnyException();
  }
}
