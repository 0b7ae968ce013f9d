package org.tritondatacenter.origin.testkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Persistent connections, checked on a raw socket: clients such as OkHttp reuse one connection for
 * every request to a host, so a server that answered only the first request of a connection would
 * make every later call of a test hang or retry.
 */
class KeepAliveTest {
  private final RequestLog log = new RequestLog();
  private TestkitServer server;
  private int port;

  /** One parsed answer: its status line, headers (lower-case names) and body. */
  private record Answer(String statusLine, Map<String, String> headers, String body) {}

  @BeforeEach
  void start() {
    Router router =
        new Router()
            .route(
                "GET",
                "/:login/things/:id",
                "GetThing",
                AuthMode.NONE,
                e -> e.sendJson(200, Map.of("id", e.pathParam("id"))))
            .route(
                "PUT",
                "/:login/stor/*path",
                "PutObject",
                AuthMode.NONE,
                e -> {
                  long n = e.body().transferTo(OutputStream.nullOutputStream());
                  e.sendJson(200, Map.of("bytes", n));
                });
    server = new TestkitServer("127.0.0.1", new Faults(), log);
    server.add(new ServiceHandler("svc", ServiceKind.MANTA, router, Authenticator.NONE), 0, false);
    server.start();
    port = server.url("svc").getPort();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void twoRequests_oneSocketWithoutConnectionClose_bothAnswered() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();

      send(out, "GET /alice/things/1 HTTP/1.1\r\nHost: x\r\n\r\n");
      Answer first = read(in);
      send(out, "GET /alice/things/2 HTTP/1.1\r\nHost: x\r\n\r\n");
      Answer second = read(in);

      assertThat(first.statusLine()).isEqualTo("HTTP/1.1 200 OK");
      assertThat(first.headers().get("connection")).isNotEqualToIgnoringCase("close");
      assertThat(first.body()).contains("\"id\":\"1\"");
      assertThat(second.statusLine()).isEqualTo("HTTP/1.1 200 OK");
      assertThat(second.body()).contains("\"id\":\"2\"");
    }
    assertThat(log.operation("GetThing")).hasSize(2);
  }

  @Test
  void putWithBodyThenGet_oneSocket_bothAnswered() throws Exception {
    // The body of the first request must be read whole, or its bytes would be taken for the
    // start of the second request.
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();

      send(out, "PUT /alice/stor/a HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
      Answer put = read(in);
      send(out, "GET /alice/things/3 HTTP/1.1\r\nHost: x\r\n\r\n");
      Answer get = read(in);

      assertThat(put.statusLine()).isEqualTo("HTTP/1.1 200 OK");
      assertThat(put.body()).contains("\"bytes\":5");
      assertThat(get.statusLine()).isEqualTo("HTTP/1.1 200 OK");
      assertThat(get.body()).contains("\"id\":\"3\"");
    }
  }

  private static void send(OutputStream out, String request) throws IOException {
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Reads one answer, its body framed by Content-Length or chunked, and nothing beyond it. */
  private static Answer read(InputStream in) throws IOException {
    String statusLine = line(in);
    Map<String, String> headers = new TreeMap<>();
    for (String h = line(in); !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      headers.put(
          h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
        body.write(in.readNBytes(size));
        line(in);
      }
      line(in);
    } else {
      body.write(in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0"))));
    }
    return new Answer(statusLine, headers, body.toString(StandardCharsets.UTF_8));
  }

  private static int chunkSize(InputStream in) throws IOException {
    return Integer.parseInt(line(in).split(";")[0].trim(), 16);
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c == -1) {
        throw new IOException("the server closed the connection after: " + sb);
      }
      if (c != '\r') {
        sb.append((char) c);
      }
    }
    return sb.toString();
  }
}
