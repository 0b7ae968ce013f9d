package org.tritondatacenter.origin.testkit.manta;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.LocalTritonOptions;
import org.tritondatacenter.origin.testkit.SimulatorContext;
import org.tritondatacenter.origin.testkit.http.Faults;
import org.tritondatacenter.origin.testkit.http.RequestLog;
import org.tritondatacenter.origin.testkit.http.TestkitServer;

/**
 * A running Manta simulator on a loopback port with {@link TestAuth}, and a plain JDK HTTP client
 * to drive it. Requests sign as {@code alice} unless told otherwise.
 */
final class MantaFixture implements AutoCloseable {
  final Faults faults = new Faults();
  final RequestLog log = new RequestLog();
  final TestkitServer server;
  final MantaSimulator manta;
  final URI base;
  final URI unauthenticatedBase;
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  MantaFixture(Path dataDir) {
    this(dataDir, b -> b);
  }

  MantaFixture(Path dataDir, UnaryOperator<LocalTritonOptions.Builder> options) {
    LocalTritonOptions opts = options.apply(LocalTritonOptions.builder()).build();
    server = new TestkitServer("127.0.0.1", faults, log);
    manta = new MantaSimulator(new SimulatorContext(opts, new TestAuth(), server, faults, dataDir));
    server.add(manta.handler(), 0, false);
    server.add(manta.unauthenticatedHandler(), 0, false);
    server.start();
    base = server.url(LocalTriton.MANTA);
    unauthenticatedBase = server.url(LocalTriton.MANTA_UNAUTHENTICATED);
  }

  /** Starts a request signed as alice. */
  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Test alice");
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> mkdir(String path) throws Exception {
    return send(
        request(path)
            .header("Content-Type", "application/json; type=directory")
            .PUT(HttpRequest.BodyPublishers.noBody()));
  }

  HttpResponse<String> put(String path, byte[] body, String... headers) throws Exception {
    HttpRequest.Builder b = request(path).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b);
  }

  HttpResponse<String> put(String path, String body, String... headers) throws Exception {
    return put(path, body.getBytes(StandardCharsets.UTF_8), headers);
  }

  HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = request(path).GET();
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b);
  }

  HttpResponse<String> head(String path) throws Exception {
    return send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
  }

  HttpResponse<String> delete(String path) throws Exception {
    return send(request(path).DELETE());
  }

  /**
   * Sends raw request text and returns the answer's lines up to and including the blank line after
   * the status and headers (or up to the end of the stream).
   */
  List<String> raw(String requestText) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", base.getPort())) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(requestText.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return readHead(socket);
    }
  }

  static List<String> readHead(Socket socket) throws IOException {
    BufferedReader in =
        new BufferedReader(
            new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
    List<String> lines = new ArrayList<>();
    String line;
    while ((line = in.readLine()) != null) {
      lines.add(line);
      if (line.isEmpty()) {
        break;
      }
    }
    return lines;
  }

  static String md5(byte[] bytes) throws Exception {
    return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
  }

  static String md5(String text) throws Exception {
    return md5(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    server.close();
    manta.close();
  }
}
