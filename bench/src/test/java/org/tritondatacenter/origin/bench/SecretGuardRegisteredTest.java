package org.tritondatacenter.origin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.testsupport.SuiteSecretGuard;

/** Proves that JUnit registers core's suite-wide secret guard for this module's tests too. */
class SecretGuardRegisteredTest {
  @Test
  void everyTest_runsUnderTheSuiteSecretGuard() {
    assertThat(SuiteSecretGuard.guarding()).isTrue();
  }
}
