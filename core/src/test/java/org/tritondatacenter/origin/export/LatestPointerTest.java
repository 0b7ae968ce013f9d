package org.tritondatacenter.origin.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatestPointerTest {
  @Test
  void timestamp_builtDirectoryPath_isTheLastSegmentsTime() {
    assertThat(
            LatestPointer.timestamp(
                "/alice/public/builds/triton-origin-image/master-20250116T175211Z\n"))
        .contains("20250116T175211Z");
  }

  @Test
  void timestamp_engbldStampWithCommitAndSlash_isFound() {
    assertThat(
            LatestPointer.timestamp(
                "/Joyent_Dev/public/builds/x/master-20200130T200825Z-gbb45b8d/"))
        .contains("20200130T200825Z");
  }

  @Test
  void timestamp_pathWithoutTime_isEmpty() {
    assertThat(LatestPointer.timestamp("/alice/stor/custom/out")).isEmpty();
  }
}
