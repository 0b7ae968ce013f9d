package org.tritondatacenter.origin.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
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

  /** Sends one request carrying a made-up signature to {@code server}, as a signed client would. */
  static void sendSigned(MockWebServer server) throws Exception {
    OkHttpClient client = new OkHttpClient();
    Request request =
        new Request.Builder()
            .url(server.url("/alice/machines?signature=" + URL_SIGNATURE))
            .header(
                "Authorization",
                "Signature keyId=\"/alice/keys/x\",algorithm=\"rsa-sha256\",signature=\""
                    + HEADER_SIGNATURE
                    + "\"")
            .build();
    try (Response response = client.newCall(request).execute()) {
      response.body().string();
    }
    client.connectionPool().evictAll();
  }

  static final String HEADER_SIGNATURE = "c2lnbmVkIGJ5IGEgZml4dHVyZSBrZXk=";
  static final String URL_SIGNATURE = "dXJsIHNpZ25hdHVyZQ%3D%3D";

  @ExtendWith(OnlyWhenAsked.class)
  static class PrintsTheHeaderSentToAMockServer {
    @StartStop final MockWebServer server = new MockWebServer();

    @Test
    void printsTheHeaderItTook() throws Exception {
      server.enqueue(new MockResponse.Builder().body("{}").build());
      sendSigned(server);
      System.out.println("sent " + server.takeRequest().getHeaders().get("Authorization"));
    }
  }

  @ExtendWith(OnlyWhenAsked.class)
  static class LogsTheUrlSentToAMockServerWithItsOwnDispatcher {
    @StartStop final MockWebServer server = new MockWebServer();

    @Test
    void logsTheDecodedUrlSignature() throws Exception {
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              return new MockResponse.Builder().body("{}").build();
            }
          });
      sendSigned(server);
      Logger.getLogger("org.tritondatacenter.origin.fixture")
          .info("url signature " + URLDecoder.decode(URL_SIGNATURE, StandardCharsets.UTF_8));
    }
  }

  @ExtendWith(OnlyWhenAsked.class)
  static class CatchesAnExceptionQuotingThePassphrase {
    @Test
    void catchesIt() {
      Throwable e =
          Caught.catchThrowableOfType(
              IllegalStateException.class,
              () -> {
                throw new IllegalStateException(
                    "wrapped", new RuntimeException("bad " + FixtureSecrets.PASSPHRASE));
              });
      assertThat(e).hasMessage("wrapped");
    }
  }

  @ExtendWith(OnlyWhenAsked.class)
  static class HarmlessMockServer {
    @StartStop final MockWebServer server = new MockWebServer();

    @Test
    void printsTheRequestLineAndCatchesAPlainException() throws Exception {
      server.enqueue(new MockResponse.Builder().body("{}").build());
      sendSigned(server);
      System.out.println("sent " + server.takeRequest().getMethod());
      assertThat(Caught.catchThrowable(() -> Integer.parseInt("x"))).hasMessageContaining("\"x\"");
    }
  }

  @ExtendWith(OnlyWhenAsked.class)
  static class SwallowsAnExceptionQuotingAKeyLine {
    @Test
    void catchesItWithPlainAssertJ() {
      String line = FixtureSecrets.keys().get(0).privateText().split("\n")[2];
      Throwable e =
          org.assertj.core.api.Assertions.catchThrowable(
              () -> {
                throw new IllegalArgumentException("cannot parse " + line);
              });
      assertThat(e).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
