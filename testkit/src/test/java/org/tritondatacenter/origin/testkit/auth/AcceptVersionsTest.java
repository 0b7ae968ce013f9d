package org.tritondatacenter.origin.testkit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcceptVersionsTest {
  @ParameterizedTest
  @CsvSource({
    "'~9||~8', true",
    "'*', true",
    "'', true",
    "'~7.2', true",
    "'~7', true",
    "'7.2.0', true",
    "'^7.1.0', true",
    "'>=7.0.0', true",
    "'~7.1', false",
    "'~7.1.0', false",
    "'7.1.0', false",
    "'~6', false",
    "'<7.2.0', false",
    "'<=7.2.0', true",
    "'~6||~7.1', false",
    "'~6||~7.3', true"
  })
  void range_reaching720_allowsSubUserKeyIds(String range, boolean allowed) {
    assertThat(AcceptVersions.allowSubUserKeyIds(range)).isEqualTo(allowed);
  }
}
