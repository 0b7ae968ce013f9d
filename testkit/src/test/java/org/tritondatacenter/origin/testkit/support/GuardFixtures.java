package org.tritondatacenter.origin.testkit.support;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.testkit.KeyKind;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.TestKey;
import org.tritondatacenter.origin.testkit.auth.KeyGenerator;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;

/**
 * Tests that leak on purpose, run only by {@link TestkitSecretGuardTest} (the build skips them: the
 * condition needs a configuration parameter only that test sets).
 */
final class GuardFixtures {
  static final String PARAMETER = "triton-origin.testkit-guard-fixtures";

  /** One key for every fixture: generating keys is slow. */
  static final TestKey KEY = KeyGenerator.generate(KeyKind.ECDSA_P256, "guard@test");

  private GuardFixtures() {}

  /** Runs a fixture only inside {@link TestkitSecretGuardTest}'s engine. */
  static final class OnlyWhenAsked implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(PARAMETER).isPresent()
          ? ConditionEvaluationResult.enabled("run by TestkitSecretGuardTest")
          : ConditionEvaluationResult.disabled("a fixture of TestkitSecretGuardTest");
    }
  }

  private static Authorization signed() {
    return RequestSigner.of(ServiceKind.CLOUDAPI, KEY, "alice")
        .authorization("GET", "/alice/machines", Map.of());
  }

  @ExtendWith(OnlyWhenAsked.class)
  static class PrintsTheAuthorizationHeader {
    @Test
    void printsTheHeader() {
      System.out.println("sent " + signed().header());
    }
  }

  @ExtendWith(OnlyWhenAsked.class)
  static class LogsTheSigningKey {
    @Test
    void logsTheKey() {
      signed();
      java.util.logging.Logger.getLogger("org.tritondatacenter.origin.fixture")
          .fine("key " + KEY.privateKeyText());
    }
  }

  @ExtendWith(OnlyWhenAsked.class)
  static class FailsQuotingTheSignature {
    @Test
    void failsWithTheSignatureInTheMessage() {
      throw new AssertionError("unexpected " + signed().signature());
    }
  }

  @ExtendWith(OnlyWhenAsked.class)
  static class PrintsTritonKey {
    @RegisterExtension
    static final LocalTritonExtension TRITON = LocalTritonExtension.withDefaults();

    @Test
    void printsTheKey(LocalTriton triton) {
      System.err.println(triton.rsaKey().privateKeyText());
    }
  }

  @ExtendWith(OnlyWhenAsked.class)
  static class Harmless {
    @Test
    void printsPublicParts() {
      Authorization auth = signed();
      System.out.println(auth.keyId() + " " + auth.date() + " " + KEY.publicKeyLine());
      TestkitSecretGuard.record("fingerprint " + KEY.md5Fingerprint());
    }
  }

  @ExtendWith(OnlyWhenAsked.class)
  static class SwallowsAnExceptionQuotingTheSignature {
    @Test
    void catchesIt() {
      try {
        throw new IllegalStateException("refused " + signed().signature());
      } catch (IllegalStateException expected) {
        // Swallowed: only the guard's view of every exception made can see it.
      }
    }
  }
}
