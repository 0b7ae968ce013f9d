package org.tritondatacenter.origin.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class SecretGuardExtensionTest {
  static final String PASSPHRASE = "correct \"horse\" battery";

  @Test
  void secretOnStandardOutput_failsNamingKindAndPlaceButNotTheSecret() {
    EngineExecutionResults results = FixtureRunner.run(PrintsPassphrase.class);

    assertThat(FixtureRunner.failures(results))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .contains("a passphrase appeared in standard output (line 2)")
                    .doesNotContain("horse"));
  }

  @Test
  void secretInAFineLogRecord_fails() {
    EngineExecutionResults results = FixtureRunner.run(LogsPassphrase.class);

    assertThat(FixtureRunner.failures(results))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .contains("a passphrase appeared in a log record of org.tritondatacenter")
                    .contains("FINE"));
  }

  @Test
  void secretInRecordedExceptionCause_fails() {
    EngineExecutionResults results = FixtureRunner.run(RecordsException.class);

    assertThat(FixtureRunner.failures(results))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .contains("a registered secret appeared in text recorded by the test (#1)"));
  }

  @Test
  void secretJsonEscapedInRecordedText_fails() {
    EngineExecutionResults results = FixtureRunner.run(RecordsJson.class);

    assertThat(FixtureRunner.failures(results))
        .singleElement()
        .satisfies(e -> assertThat(e.getMessage()).contains("a passphrase appeared"));
  }

  @Test
  void harmlessOutput_passesAndStillReachesTheRealStandardOutput() {
    PrintStream original = System.out;
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    System.setOut(new PrintStream(seen, true, Charset.defaultCharset()));
    EngineExecutionResults results;
    try {
      results = FixtureRunner.run(PrintsHarmless.class);
    } finally {
      System.setOut(original);
    }

    results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    assertThat(seen.toString(Charset.defaultCharset())).contains("nothing to hide here");
  }

  @Test
  void watchingTriton_privateKeyLineOnStandardError_fails() {
    EngineExecutionResults results = FixtureRunner.run(PrintsPrivateKeyLine.class);

    assertThat(FixtureRunner.failures(results))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .contains("a private key line appeared in standard error"));
  }

  @Test
  void watchingTriton_signatureFromTheRequestLog_fails() {
    EngineExecutionResults results = FixtureRunner.run(PrintsSignatures.class);

    assertThat(FixtureRunner.failures(results))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .contains("a signature value appeared in standard output")
                    .contains("a signature value appeared in text recorded by the test (#1)")
                    .doesNotContain(FakeKeys.SIGNATURE));
  }

  @Test
  void watchingTriton_publicKeyLine_passes() {
    EngineExecutionResults results = FixtureRunner.run(PrintsPublicKey.class);

    results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
  }

  @Test
  void register_tooShortSecret_isRefused() {
    assertThatThrownBy(() -> SecretGuardExtension.create().register("abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 6 characters")
        .hasMessageNotContaining("abc");
  }

  @Test
  void record_outsideATest_isRefused() {
    assertThatThrownBy(() -> SecretGuardExtension.create().record("x"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Fixture
  static class PrintsPassphrase {
    @RegisterExtension
    final SecretGuardExtension secrets =
        SecretGuardExtension.create().registerPassphrase(PASSPHRASE);

    @Test
    void prints() {
      System.out.println("loading key");
      System.out.println("passphrase is " + PASSPHRASE);
    }
  }

  @Fixture
  static class LogsPassphrase {
    @RegisterExtension
    final SecretGuardExtension secrets =
        SecretGuardExtension.create().registerPassphrase(PASSPHRASE);

    @Test
    void logs() {
      Logger.getLogger("org.tritondatacenter.origin.auth.Keys")
          .fine("decrypting with " + PASSPHRASE);
    }
  }

  @Fixture
  static class RecordsException {
    @RegisterExtension
    final SecretGuardExtension secrets = SecretGuardExtension.create().register("s3cr3t-token");

    @Test
    void records() {
      Exception e = new IllegalStateException("outer", new RuntimeException("token s3cr3t-token"));
      secrets.record(e);
    }
  }

  @Fixture
  static class RecordsJson {
    @RegisterExtension
    final SecretGuardExtension secrets =
        SecretGuardExtension.create().registerPassphrase(PASSPHRASE);

    @Test
    void records() {
      secrets.record("{\"passphrase\":\"correct \\\"horse\\\" battery\"}");
    }
  }

  @Fixture
  static class PrintsHarmless {
    @RegisterExtension
    final SecretGuardExtension secrets =
        SecretGuardExtension.create().registerPassphrase(PASSPHRASE);

    @Test
    void prints() {
      System.out.println("nothing to hide here");
      secrets.record("a horse is fine on its own");
    }
  }

  @Fixture
  static class PrintsPrivateKeyLine {
    @RegisterExtension
    static final LocalTritonExtension triton = new LocalTritonExtension(FakeSession::withSecrets);

    @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(triton);

    @Test
    void prints() {
      System.err.println("key: " + FakeKeys.privateLine());
    }
  }

  @Fixture
  static class PrintsSignatures {
    @RegisterExtension
    static final LocalTritonExtension triton = new LocalTritonExtension(FakeSession::withSecrets);

    @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(triton);

    @Test
    void prints() {
      System.out.println("Authorization: ...signature=\"" + FakeKeys.SIGNATURE + "\"");
      secrets.record("fetching " + FakeKeys.URL_SIGNATURE);
    }
  }

  @Fixture
  static class PrintsPublicKey {
    @RegisterExtension
    static final LocalTritonExtension triton = new LocalTritonExtension(FakeSession::withSecrets);

    @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(triton);

    @Test
    void prints() {
      System.out.println("authorized key: " + FakeKeys.KEY.publicKeyLine());
      secrets.record(List.of(FakeKeys.KEY).toString());
    }
  }
}
