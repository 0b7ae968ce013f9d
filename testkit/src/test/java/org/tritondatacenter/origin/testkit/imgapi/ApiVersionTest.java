package org.tritondatacenter.origin.testkit.imgapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiVersionTest {
  @ParameterizedTest
  @CsvSource({
    "~1, true, false",
    "~2, false, true",
    "*, true, true",
    "x, true, true",
    "2.0.0, false, true",
    "1.0.0, true, false",
    "'~1 || ~2', true, true",
    ">=1.5.0, false, true",
    "'>=1 <2', true, false",
    "^1.0.0, true, false",
    "<2, true, false",
    "1.x, true, false",
    "~99, false, false",
    "~99999999999, false, false",
    "nonsense, false, false"
  })
  void satisfies_semverRanges_matchTheOfferedVersions(String range, boolean v1, boolean v2) {
    assertThat(ApiVersion.satisfies(new int[] {1, 0, 0}, range)).as("1.0.0").isEqualTo(v1);
    assertThat(ApiVersion.satisfies(new int[] {2, 0, 0}, range)).as("2.0.0").isEqualTo(v2);
  }
}
