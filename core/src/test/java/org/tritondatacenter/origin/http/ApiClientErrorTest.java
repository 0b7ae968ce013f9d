package org.tritondatacenter.origin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.operations.RecordingListener;
import org.tritondatacenter.origin.wait.ManualClock;

class ApiClientErrorTest {
  @StartStop final MockWebServer server = new MockWebServer();
  @StartStop final MockWebServer elsewhere = new MockWebServer();

  private final ManualClock clock = new ManualClock();
  private final RecordingListener listener = new RecordingListener();

  private ApiClient client(Service service) {
    return ApiClient.create(
        TestSetup.signed(server, service, new TestAuthorizer()),
        TestSetup.config(clock, listener).retryPolicy(RetryPolicy.none()).build());
  }

  private TritonApiException failure(Service service, String operation) {
    try {
      client(service).send(ApiRequest.get(operation).path("alice", "x").build());
    } catch (TritonApiException e) {
      return e;
    }
    throw new AssertionError("no TritonApiException");
  }

  @Test
  void jsonErrorBody_givesCodeMessageAndRequestId() {
    server.enqueue(
        new MockResponse.Builder()
            .code(404)
            .setHeader("x-request-id", "7f0e-req")
            .body("{\"code\":\"ResourceNotFound\",\"message\":\"machine m1 not found\"}")
            .build());

    TritonApiException e = failure(Service.CLOUDAPI, "GetMachine");

    assertThat(e.service()).isEqualTo(Service.CLOUDAPI);
    assertThat(e.operation()).isEqualTo("GetMachine");
    assertThat(e.httpStatus()).isEqualTo(404);
    assertThat(e.errorCode()).isEqualTo("ResourceNotFound");
    assertThat(e.serverMessage()).isEqualTo("machine m1 not found");
    assertThat(e.requestId()).isEqualTo("7f0e-req");
    assertThat(e.isNotFound()).isTrue();
    assertThat(e)
        .hasMessage(
            "CloudAPI GetMachine failed: HTTP 404 ResourceNotFound: machine m1 not found"
                + " (request-id 7f0e-req)");
  }

  @Test
  void restCodeAndRequestIdHeader_areUsedWhenCodeAndXRequestIdAreMissing() {
    server.enqueue(
        new MockResponse.Builder()
            .code(409)
            .setHeader("request-id", "r-2")
            .body("{\"restCode\":\"InvalidArgument\",\"message\":\"bad name\"}")
            .build());

    TritonApiException e = failure(Service.CLOUDAPI, "CreateMachine");

    assertThat(e.errorCode()).isEqualTo("InvalidArgument");
    assertThat(e.requestId()).isEqualTo("r-2");
  }

  @Test
  void imgapiFieldErrors_areAppendedToTheMessage() {
    server.enqueue(
        new MockResponse.Builder()
            .code(422)
            .body(
                "{\"code\":\"ValidationFailed\",\"message\":\"invalid manifest\",\"errors\":"
                    + "[{\"field\":\"public\",\"code\":\"Invalid\",\"message\":\"must be false\"}]}")
            .build());

    TritonApiException e = failure(Service.IMGAPI, "AdminImportImage");

    assertThat(e.serverMessage()).isEqualTo("invalid manifest (public: Invalid must be false)");
  }

  @Test
  void retryAfterAsHttpDate_isMeasuredAgainstTheServerDate() {
    server.enqueue(
        new MockResponse.Builder()
            .code(503)
            .setHeader("Date", "Thu, 01 Jan 2026 10:00:00 GMT")
            .setHeader("Retry-After", "Thu, 01 Jan 2026 10:00:45 GMT")
            .build());

    assertThat(failure(Service.MANTA, "GetObject").retryAfter()).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void htmlErrorBody_givesAShortPrintableExcerpt() {
    server.enqueue(
        new MockResponse.Builder()
            .code(502)
            .setHeader("Content-Type", "text/html")
            .body(
                "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\u0000"
                    + "<center><h1>502 Bad Gateway</h1></center>\r\n</body></html>")
            .build());

    TritonApiException e = failure(Service.MANTA, "GetObject");

    assertThat(e.errorCode()).isNull();
    assertThat(e.serverMessage()).isEqualTo("502 Bad Gateway 502 Bad Gateway");
  }

  @Test
  void wronglyShapedJson_givesTheExcerpt() {
    server.enqueue(new MockResponse.Builder().code(500).body("[\"not\", \"an object\"]").build());

    TritonApiException e = failure(Service.CLOUDAPI, "ListImages");

    assertThat(e.errorCode()).isNull();
    assertThat(e.serverMessage()).isEqualTo("[\"not\", \"an object\"]");
  }

  @Test
  void hugeErrorBody_isReadOnlyUpToTheLimitAndCutShort() {
    String huge =
        "{\"code\":\"InternalError\",\"message\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
    server.enqueue(new MockResponse.Builder().code(500).body(huge).build());

    TritonApiException e = failure(Service.IMGAPI, "GetImage");

    // The JSON is cut at 64 KiB, so it cannot parse; the excerpt stays short.
    assertThat(e.errorCode()).isNull();
    assertThat(e.serverMessage()).startsWith("{\"code\":\"InternalError\"").endsWith("...");
    assertThat(e.getMessage()).hasSizeLessThan(300);
  }

  @Test
  void missingBody_stillGivesACleanException() {
    server.enqueue(new MockResponse.Builder().code(403).build());

    TritonApiException e = failure(Service.MANTA, "GetObject");

    assertThat(e.httpStatus()).isEqualTo(403);
    assertThat(e.errorCode()).isNull();
    assertThat(e.getMessage()).startsWith("Manta GetObject failed: HTTP 403");
  }

  @Test
  void redirectToAnotherHost_isNotFollowedAndNamesTheHost() {
    String location = elsewhere.url("/steal?signature=abc").toString();
    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", location).build());
    elsewhere.enqueue(new MockResponse.Builder().code(200).body("{}").build());

    TritonApiException e = failure(Service.CLOUDAPI, "GetMachine");

    assertThat(e.httpStatus()).isEqualTo(302);
    assertThat(e.getMessage())
        .contains("redirect to http://" + elsewhere.getHostName() + ":" + elsewhere.getPort())
        .contains("not followed")
        .doesNotContain("signature=abc");
    assertThat(elsewhere.getRequestCount()).isZero();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void acceptedStatus_isDecodedLikeASuccess() {
    server.enqueue(
        new MockResponse.Builder().code(410).body("{\"id\":\"m1\",\"state\":\"deleted\"}").build());

    Map<?, ?> machine =
        client(Service.CLOUDAPI)
            .call(
                ApiRequest.get("GetMachine")
                    .path("alice", "machines", "m1")
                    .acceptStatus(410)
                    .build(),
                Map.class);

    assertThat(machine.get("state")).isEqualTo("deleted");
  }

  @Test
  void successWithNonJsonBody_isAnIoErrorSayingSo() {
    server.enqueue(new MockResponse.Builder().code(200).body("<html>login</html>").build());

    assertThatThrownBy(
            () -> client(Service.CLOUDAPI).call(ApiRequest.get("GetMachine").build(), Map.class))
        .isInstanceOf(TritonIoException.class)
        .hasMessageContaining(
            "CloudAPI GetMachine answered HTTP 200 with a body that is not the"
                + " expected JSON (Map)");
  }

  @Test
  void connectionRefused_isAnIoErrorNamingOperationAndHost() throws IOException {
    MockWebServer closed = new MockWebServer();
    closed.start();
    URI url = closed.url("/").uri();
    closed.close();
    ApiClient client =
        ApiClient.create(
            Endpoint.anonymous(Service.IMGAPI, url),
            TestSetup.config(clock, listener).retryPolicy(RetryPolicy.none()).build());

    assertThatThrownBy(() -> client.send(ApiRequest.get("ListImages").path("images").build()))
        .isInstanceOf(TritonIoException.class)
        .hasMessageStartingWith(
            "IMGAPI ListImages to " + url.getHost() + ":" + url.getPort() + " failed:")
        .hasMessageContaining("ConnectException");
  }

  @Test
  void connectionRefused_isRetriedEvenForAPostBecauseNothingWasSent() throws IOException {
    MockWebServer closed = new MockWebServer();
    closed.start();
    URI url = closed.url("/").uri();
    closed.close();
    ApiClient client =
        ApiClient.create(
            Endpoint.anonymous(Service.CLOUDAPI, url), TestSetup.config(clock, listener).build());

    assertThatThrownBy(() -> client.send(ApiRequest.post("CreateMachine").build()))
        .isInstanceOf(TritonIoException.class)
        .hasMessageContaining("(attempt 4)");
    assertThat(clock.sleeps()).hasSize(3);
  }
}
