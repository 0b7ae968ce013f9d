package org.tritondatacenter.origin.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SecretGuardExtension#checkingExceptionsMade()}: exceptions no one hands to the guard. */
class ExceptionsMadeTest {
  static final String SECRET = "s3cret-passphrase";

  @Test
  void swallowedExceptionQuotingASecret_failsNamingItsClass() {
    assertThat(FixtureRunner.failures(FixtureRunner.run(Swallows.class)))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .contains(
                        "a passphrase appeared in the message of a"
                            + " java.lang.IllegalStateException made during the test")
                    .doesNotContain(SECRET));
  }

  @Test
  void exemptedIntermediateException_passes() {
    FixtureRunner.run(SwallowsExempted.class)
        .testEvents()
        .assertStatistics(s -> s.started(1).succeeded(1).failed(0));
  }

  @Test
  void withoutTheOption_swallowedExceptionIsNotSeen() {
    FixtureRunner.run(SwallowsUnchecked.class)
        .testEvents()
        .assertStatistics(s -> s.started(1).succeeded(1).failed(0));
  }

  static void swallow() {
    try {
      throw new IllegalStateException("cannot decrypt with " + SECRET);
    } catch (IllegalStateException expected) {
      // Swallowed, as code under test may do.
    }
  }

  @Fixture
  static class Swallows {
    @RegisterExtension
    final SecretGuardExtension secrets =
        SecretGuardExtension.create().checkingExceptionsMade().registerPassphrase(SECRET);

    @Test
    void swallows() {
      swallow();
    }
  }

  @Fixture
  static class SwallowsExempted {
    @RegisterExtension
    final SecretGuardExtension secrets =
        SecretGuardExtension.create()
            .checkingExceptionsMade()
            .exemptingExceptionsMade(
                "java.lang.IllegalStateException", "cannot decrypt", "replaced, never chained")
            .registerPassphrase(SECRET);

    @Test
    void swallows() {
      swallow();
    }
  }

  @Fixture
  static class SwallowsUnchecked {
    @RegisterExtension
    final SecretGuardExtension secrets = SecretGuardExtension.create().registerPassphrase(SECRET);

    @Test
    void swallows() {
      swallow();
    }
  }
}
