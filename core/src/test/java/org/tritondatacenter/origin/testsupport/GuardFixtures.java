package org.tritondatacenter.origin.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.auth.SshKeys;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.http.HttpConfig;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;

/**
 * Tests that leak on purpose, run only by {@link SuiteSecretGuardTest} (the build skips them: the
 * condition needs a configuration parameter only that test sets).
 */
final class GuardFixtures {
  static final String PARAMETER = "triton-origin.guard-fixtures";

  private GuardFixtures() {}

  /** Runs a fixture only inside {@link SuiteSecretGuardTest}'s engine. */
  static final class OnlyWhenAsked implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(PARAMETER).isPresent()
          ? ConditionEvaluationResult.enabled("run by SuiteSecretGuardTest")
          : ConditionEvaluationResult.disabled("a fixture of SuiteSecretGuardTest");
    }
  }

  @ExtendWith(OnlyWhenAsked.class)
  static class PrintsTritonKey {
    @RegisterExtension
    static final LocalTritonExtension TRITON = LocalTritonExtension.withDefaults();

    @Test
    void printsTheKey(LocalTriton triton) {
      System.out.println("key:\n" + triton.rsaKey().privateKeyText());
    }
  }

  @ExtendWith(OnlyWhenAsked.class)
  static class RecordsSignature {
    @RegisterExtension
    static final LocalTritonExtension TRITON = LocalTritonExtension.withDefaults();

    @Test
    void recordsTheAuthorizationHeader(LocalTriton triton) {
      CloudApiClient cloud =
          CloudApiClient.create(
              CloudApiClient.signedEndpoint(
                  triton.cloudApiUrl(),
                  triton.account(),
                  null,
                  SshKeys.parse(triton.rsaKey().privateKeyText(), null, "testkit"),
                  true),
              HttpConfig.defaults());
      assertThat(cloud.listPackages()).isNotEmpty();
      String header = triton.requests().operation("ListPackages").get(0).header("Authorization");
      SuiteSecretGuard.record(Service.CLOUDAPI + " sent " + header);
    }
  }

  @ExtendWith(OnlyWhenAsked.class)
  static class RecordsFixtureSecrets {
    @Test
    void recordsThePassphrase() {
      SuiteSecretGuard.record("the passphrase is " + FixtureSecrets.PASSPHRASE);
    }

    @Test
    void recordsAKeyLineAsAnEvent() {
      String text = FixtureSecrets.keys().get(0).privateText();
      String line = text.split("\n")[2];
      SuiteSecretGuard.events().on(new Event.Info("key material " + line));
    }
  }

  @ExtendWith(OnlyWhenAsked.class)
  static class FailsQuotingThePassphrase {
    @Test
    void failsWithThePassphraseInTheMessage() {
      throw new AssertionError("wrong passphrase " + FixtureSecrets.PASSPHRASE);
    }
  }

  @ExtendWith(OnlyWhenAsked.class)
  static class Harmless {
    @RegisterExtension
    static final LocalTritonExtension TRITON = LocalTritonExtension.withDefaults();

    @Test
    void printsAndRecordsOrdinaryText(LocalTriton triton) {
      System.out.println("public key " + triton.rsaKey().publicKeyLine());
      SuiteSecretGuard.events().on(new Event.Warning("nothing secret in " + triton.cloudApiUrl()));
    }
  }
}
