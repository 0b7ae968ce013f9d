package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.auth.SigningKey;
import org.tritondatacenter.origin.auth.SshKeys;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.cloudapi.CreateMachineRequest;
import org.tritondatacenter.origin.cloudapi.MachineFilter;
import org.tritondatacenter.origin.http.HttpConfig;
import org.tritondatacenter.origin.testkit.KeyKind;
import org.tritondatacenter.origin.testkit.auth.KeyGenerator;
import org.tritondatacenter.origin.wait.ManualClock;

/**
 * Answers that are not what a service sends: an HTML error page, JSON of the wrong shape, an
 * endless error body, a success whose body is not the resource, a redirect to another host. Each
 * becomes a short, clean error naming the operation and status; the error body is read only up to
 * 64 KiB; a redirect is never followed, so no signed request reaches the other host.
 *
 * <p>MockWebServer rather than testkit: testkit always answers as a well-behaved service.
 */
class HostileAnswerTest {
  private static final SigningKey KEY =
      SshKeys.parse(KeyGenerator.generate(KeyKind.RSA, "hostile").privateKeyText(), null, "key");

  @StartStop final MockWebServer server = new MockWebServer();
  @StartStop final MockWebServer elsewhere = new MockWebServer();

  private final Events events = new Events();

  private CloudApiClient cloudApi() {
    ManualClock clock = new ManualClock();
    return CloudApiClient.create(
        CloudApiClient.signedEndpoint(server.url("/").uri(), "alice", null, KEY, true),
        HttpConfig.builder()
            .clock(clock)
            .sleeper(clock)
            .listener(events)
            .readTimeout(Duration.ofSeconds(5))
            .build());
  }

  private static CreateMachineRequest machine() {
    return CreateMachineRequest.builder(Seeds.ORIGIN, "0b1a2c3d-0000-4000-8000-000000000001")
        .name("hostile")
        .build();
  }

  @Test
  void createMachine_htmlErrorPage_givesAShortPlainExcerptAndIsNotResent() {
    server.enqueue(
        new MockResponse.Builder()
            .code(502)
            .setHeader("Content-Type", "text/html")
            .body(
                "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1>"
                    + "<p>The proxy got no answer.</p>"
                    + "<script>var x = 1;</script>".repeat(100)
                    + "</body></html>")
            .build());

    TritonApiException e =
        catchThrowableOfType(TritonApiException.class, () -> cloudApi().createMachine(machine()));

    assertThat(e.httpStatus()).isEqualTo(502);
    assertThat(e.getMessage())
        .startsWith("CloudAPI CreateMachine failed: HTTP 502")
        .contains("Bad Gateway")
        .doesNotContain("<", ">")
        .hasSizeLessThan(400);
    assertThat(server.getRequestCount()).as("a create is not resent").isEqualTo(1);
  }

  @Test
  void listMachines_errorJsonOfTheWrongShape_isQuotedShortly() {
    server.enqueue(
        new MockResponse.Builder()
            .code(400)
            .setHeader("Content-Type", "application/json")
            .body("[{\"oops\": [1, 2, 3]}, \"not an error object\"]")
            .build());

    TritonApiException e =
        catchThrowableOfType(
            TritonApiException.class, () -> cloudApi().listMachines(MachineFilter.none()));

    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.errorCode()).isNull();
    assertThat(e.getMessage()).contains("ListMachines", "HTTP 400", "not an error object");
  }

  @Test
  void listMachines_enormousErrorBody_isReadOnlyUpToTheLimit() {
    Buffer tenMegabytes = new Buffer();
    byte[] chunk = "x".repeat(64 * 1024).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    for (int i = 0; i < 160; i++) {
      tenMegabytes.write(chunk);
    }
    server.enqueue(new MockResponse.Builder().code(400).body(tenMegabytes).build());
    long start = System.nanoTime();

    TritonApiException e =
        catchThrowableOfType(
            TritonApiException.class, () -> cloudApi().listMachines(MachineFilter.none()));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.getMessage()).hasSizeLessThan(400).endsWith("...");
  }

  @Test
  void createMachine_successWhoseBodyIsNotAMachine_isAnIoErrorSayingSo() {
    server.enqueue(
        new MockResponse.Builder()
            .code(201)
            .setHeader("Content-Type", "application/json")
            .body("[\"not\", \"a\", \"machine\"]")
            .build());

    TritonIoException e =
        catchThrowableOfType(TritonIoException.class, () -> cloudApi().createMachine(machine()));

    assertThat(e.getMessage()).contains("CreateMachine", "HTTP 201", "not the expected JSON");
  }

  @Test
  void listMachines_redirectToAnotherHost_isNotFollowedAndTheOtherHostSeesNothing() {
    server.enqueue(
        new MockResponse.Builder()
            .code(302)
            .setHeader("Location", elsewhere.url("/alice/machines"))
            .build());

    TritonApiException e =
        catchThrowableOfType(
            TritonApiException.class, () -> cloudApi().listMachines(MachineFilter.none()));

    assertThat(e.httpStatus()).isEqualTo(302);
    assertThat(e.getMessage()).contains("not followed", elsewhere.getHostName());
    assertThat(elsewhere.getRequestCount()).as("no signed request to the other host").isZero();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
