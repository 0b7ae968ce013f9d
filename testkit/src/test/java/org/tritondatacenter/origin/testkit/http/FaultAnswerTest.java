package org.tritondatacenter.origin.testkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The faults that answer as no well-behaved service would, edit headers, or drip bodies. */
class FaultAnswerTest {
  private static final int BLOB = 32 * 1024;

  private final Faults faults = new Faults();
  private final RequestLog log = new RequestLog();
  private final AtomicInteger handled = new AtomicInteger();
  private final HttpClient client = HttpClient.newHttpClient();
  private TestkitServer server;
  private URI base;

  @BeforeEach
  void start() {
    Router router =
        new Router()
            .route(
                "GET",
                "/:login/things/:id",
                "GetThing",
                AuthMode.NONE,
                e -> {
                  handled.incrementAndGet();
                  e.sendJson(200, Map.of("id", e.pathParam("id")));
                })
            .route(
                "GET",
                "/:login/blobs/:id",
                "GetObject",
                AuthMode.NONE,
                e -> {
                  try (OutputStream out = e.openBody(200, "application/octet-stream", BLOB)) {
                    out.write(new byte[BLOB]);
                  }
                })
            .route(
                "PUT",
                "/:login/stor/*path",
                "PutObject",
                AuthMode.NONE,
                e -> {
                  handled.incrementAndGet();
                  long n = e.body().transferTo(OutputStream.nullOutputStream());
                  e.responseHeader("computed-md5", "c29tZSBtZDU=");
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
  void answer_htmlPage_isSentAsGivenAndTheOperationDoesNotRun() throws Exception {
    faults.add(
        Fault.when(ServiceKind.MANTA, "GetThing")
            .answer(502, "text/html", "<html><h1>Bad Gateway</h1></html>")
            .times(1));

    HttpResponse<String> first = get("/alice/things/1");
    HttpResponse<String> second = get("/alice/things/1");

    assertThat(first.statusCode()).isEqualTo(502);
    assertThat(first.headers().firstValue("content-type")).contains("text/html");
    assertThat(first.body()).isEqualTo("<html><h1>Bad Gateway</h1></html>");
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(handled).hasValue(1);
    assertThat(log.operation("GetThing"))
        .first()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(502);
              assertThat(r.fault()).contains("answer=502 text/html");
            });
  }

  @Test
  void answer_repeatBody_streamsAnEnormousBodyWithItsFullLength() throws Exception {
    byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
    faults.add(Fault.when(ServiceKind.MANTA, "GetThing").answer(400, null, chunk).repeatBody(160));

    HttpResponse<InputStream> response =
        client.send(
            HttpRequest.newBuilder(base.resolve("/alice/things/1")).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    long received;
    try (InputStream in = response.body()) {
      received = in.transferTo(OutputStream.nullOutputStream());
    }

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("content-length")).contains("10485760");
    assertThat(received).isEqualTo(10L * 1024 * 1024);
  }

  @Test
  void redirect_answersTheLocationWithAnEmptyBody() throws Exception {
    URI elsewhere = URI.create("http://127.0.0.2:9/alice/things/1");
    faults.add(Fault.when(ServiceKind.MANTA, "GetThing").redirect(302, elsewhere));

    HttpResponse<String> response = get("/alice/things/1");

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("location")).contains(elsewhere.toString());
    assertThat(response.body()).isEmpty();
    assertThat(handled).hasValue(0);
  }

  @Test
  void redirect_statusOutside3xx_isRefusedNamingIt() {
    assertThatThrownBy(() -> Fault.when(null, null).redirect(200, URI.create("http://x/")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("200")
        .hasMessageContaining("3xx");
  }

  @Test
  void headers_addedAndRemoved_editTheOperationsOwnAnswer() throws Exception {
    faults.add(
        Fault.when(ServiceKind.MANTA, "PutObject")
            .withoutHeader("Computed-MD5")
            .header("x-extra", "yes"));

    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(base.resolve("/alice/stor/a"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[100]))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"bytes\":100");
    assertThat(response.headers().firstValue("computed-md5")).isEmpty();
    assertThat(response.headers().firstValue("x-extra")).contains("yes");
  }

  @Test
  void throttleResponse_dripsTheBodyAtTheSetRate() throws Exception {
    // 32 KiB at 64 KiB/s: five slices of a tenth of a second, the last due after 400 ms.
    faults.add(Fault.when(ServiceKind.MANTA, "GetObject").throttleResponse(64 * 1024));
    long start = System.nanoTime();

    HttpResponse<byte[]> response =
        client.send(
            HttpRequest.newBuilder(base.resolve("/alice/blobs/1")).build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(350));
    assertThat(response.body()).hasSize(BLOB);
    assertThat(log.operation("GetObject"))
        .singleElement()
        .satisfies(r -> assertThat(r.fault()).contains("answer-rate=65536B/s"));
  }

  @Test
  void throttleRequest_readsTheUploadAtTheSetRate() throws Exception {
    faults.add(Fault.when(ServiceKind.MANTA, "PutObject").throttleRequest(64 * 1024));
    long start = System.nanoTime();

    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(base.resolve("/alice/stor/slow"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[BLOB]))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(350));
    assertThat(response.body()).contains("\"bytes\":" + BLOB);
    assertThat(log.operation("PutObject"))
        .singleElement()
        .extracting("requestBytes")
        .isEqualTo((long) BLOB);
  }

  @Test
  void throttle_rateNotPositive_isRefusedNamingIt() {
    assertThatThrownBy(() -> Fault.when(null, null).throttleResponse(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("throttleResponse");
    assertThatThrownBy(() -> Fault.when(null, null).throttleRequest(-5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-5");
  }

  @Test
  void afterReadingBody_sends100ContinueReadsTheUploadThenAnswers() throws Exception {
    faults.add(
        Fault.when(ServiceKind.MANTA, "PutObject")
            .afterReadingBody()
            .answer(401, "application/json", "{\"code\":\"InvalidSignature\"}")
            .header("WWW-Authenticate", "Signature realm=\"manta\""));

    try (Socket socket = new Socket("127.0.0.1", base.getPort())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("PUT /alice/stor/x HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                  + "Expect: 100-continue\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));

      assertThat(in.readLine()).isEqualTo("HTTP/1.1 100 Continue");
      assertThat(in.readLine()).isEmpty();
      out.write("hello".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(in.readLine()).isEqualTo("HTTP/1.1 401 Unauthorized");
      String header;
      boolean challenged = false;
      while ((header = in.readLine()) != null && !header.isEmpty()) {
        challenged |= header.equalsIgnoreCase("WWW-Authenticate: Signature realm=\"manta\"");
      }
      assertThat(challenged).as("WWW-Authenticate sent").isTrue();
    }
    assertThat(handled).hasValue(0);
    assertThat(log.operation("PutObject"))
        .singleElement()
        .satisfies(r -> assertThat(r.requestBytes()).isEqualTo(5));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
