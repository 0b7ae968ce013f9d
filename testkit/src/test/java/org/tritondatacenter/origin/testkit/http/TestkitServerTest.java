package org.tritondatacenter.origin.testkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TestkitServerTest {
  private final Faults faults = new Faults();
  private final RequestLog log = new RequestLog();
  private TestkitServer server;
  private URI base;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    Router router =
        new Router()
            .route(
                "GET",
                "/:login/things/:id",
                "GetThing",
                AuthMode.NONE,
                e ->
                    e.sendJson(200, Map.of("id", e.pathParam("id"), "login", e.pathParam("login"))))
            .route(
                "PUT",
                "/:login/stor/*path",
                "PutObject",
                AuthMode.NONE,
                e -> {
                  if (e.pathParam("path").startsWith("missing/")) {
                    throw ApiError.notFound("DirectoryDoesNotExist", "parent does not exist");
                  }
                  long n = e.body().transferTo(OutputStream.nullOutputStream());
                  e.sendJson(200, Map.of("bytes", n));
                });
    server = new TestkitServer("127.0.0.1", faults, log);
    server.add(new ServiceHandler("svc", ServiceKind.MANTA, router, Authenticator.NONE), 0, false);
    server.start();
    base = server.url("svc");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void get_routesWithParams_answersJsonAndLogsOperation() throws Exception {
    HttpResponse<String> response = get("/alice/things/42");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"id\":\"42\"").contains("\"login\":\"alice\"");
    assertThat(response.headers().firstValue("x-request-id")).isPresent();
    assertThat(response.headers().firstValue("date")).isPresent();
    assertThat(log.operation("GetThing")).hasSize(1);
    assertThat(log.all().get(0).status()).isEqualTo(200);
  }

  @Test
  void unknownPath_answers404InServiceShape() throws Exception {
    HttpResponse<String> response = get("/nowhere");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("\"code\":\"ResourceNotFound\"");
  }

  @Test
  void statusFault_firesTheGivenTimesThenLetsRequestsThrough() throws Exception {
    faults.add(
        Fault.when(ServiceKind.MANTA, "GetThing")
            .status(503, "ServiceUnavailable", "busy")
            .retryAfter(3)
            .times(2));

    HttpResponse<String> first = get("/alice/things/1");
    HttpResponse<String> second = get("/alice/things/1");
    HttpResponse<String> third = get("/alice/things/1");

    assertThat(first.statusCode()).isEqualTo(503);
    assertThat(first.headers().firstValue("retry-after")).contains("3");
    assertThat(first.body()).contains("ServiceUnavailable");
    assertThat(second.statusCode()).isEqualTo(503);
    assertThat(third.statusCode()).isEqualTo(200);
  }

  @Test
  void refusedPut_answersBeforeSending100Continue() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", base.getPort())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("PUT /alice/stor/missing/file HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n"
                  + "Expect: 100-continue\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));

      String statusLine = in.readLine();

      assertThat(statusLine).isEqualTo("HTTP/1.1 404 Not Found");
    }
  }

  @Test
  void acceptedPut_sends100ContinueWhenTheHandlerReads() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", base.getPort())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("PUT /alice/stor/ok/file HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                  + "Expect: 100-continue\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream raw = socket.getInputStream();
      BufferedReader in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.US_ASCII));

      assertThat(in.readLine()).isEqualTo("HTTP/1.1 100 Continue");
      assertThat(in.readLine()).isEmpty();
      out.write("hello".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
    }
  }

  @Test
  void resetFault_cutsTheConnectionAfterNBodyBytes() {
    faults.add(Fault.when(ServiceKind.MANTA, "PutObject").resetAfterBodyBytes(1000).times(1));
    HttpRequest put =
        HttpRequest.newBuilder(base.resolve("/alice/stor/ok/big"))
            .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[1 << 20]))
            .timeout(Duration.ofSeconds(10))
            .build();

    assertThatThrownBy(() -> client.send(put, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
    assertThat(log.operation("PutObject"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.requestBytes()).isEqualTo(1000);
              assertThat(r.fault()).contains("reset-after=1000");
            });
  }

  @Test
  void dropResponseFault_runsTheHandlerButAnswersNothing() throws Exception {
    faults.add(Fault.when(ServiceKind.MANTA, "GetThing").dropResponse().times(1));

    try (Socket socket = new Socket("127.0.0.1", base.getPort())) {
      socket.setSoTimeout(5000);
      socket
          .getOutputStream()
          .write(
              "GET /alice/things/7 HTTP/1.1\r\nHost: x\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));

      // The JDK client would silently retry a GET, so read the raw socket: it just closes.
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }
    assertThat(log.operation("GetThing"))
        .singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(200));
  }

  @Test
  void clockOffset_skewsTheDateAnswered() throws Exception {
    faults.clockOffset(ServiceKind.MANTA, Duration.ofHours(2));

    HttpResponse<String> response = get("/alice/things/1");

    java.time.ZonedDateTime date =
        java.time.ZonedDateTime.parse(
            response.headers().firstValue("date").orElseThrow(),
            java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
    assertThat(Duration.between(java.time.Instant.now(), date.toInstant()))
        .isGreaterThan(Duration.ofMinutes(110));
  }

  @Test
  void redact_hidesSignatureValues() {
    String header = "Signature keyId=\"/a/keys/x\",algorithm=\"rsa-sha256\",signature=\"c2VjcmV0\"";
    String url = "/a/stor/x?algorithm=RSA-SHA256&signature=abc%2B&expires=1";

    assertThat(RequestRecord.redact(header)).doesNotContain("c2VjcmV0").contains("[redacted]");
    assertThat(RequestRecord.redact(url)).doesNotContain("abc%2B").endsWith("&expires=1");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
