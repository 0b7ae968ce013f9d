package org.tritondatacenter.origin.imgapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.auth.HttpSigner;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.http.Endpoint;
import org.tritondatacenter.origin.wait.ManualClock;

/**
 * Moves a generated 256 MiB image file up and down in a JVM whose heap is 64 MiB: the file never
 * fits, so it can only pass if nothing holds it whole. The server is the JDK's own HTTP server,
 * which hashes what it receives and generates what it sends, so it holds nothing either.
 */
@Tag("low-memory")
class ImgapiLargeFileTest {
  private static final long SIZE = 256L * 1024 * 1024;
  private static final long SEED = 20260101L;
  private static final String UUID = TestClients.UUID;

  /** The SHA-1 of the generated file, computed once for both tests. */
  private static String expected;

  private HttpServer server;
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final ManualClock clock = new ManualClock();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/images/", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private ImgapiClient client() {
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    HttpSigner signer =
        HttpSigner.create(Service.IMGAPI, TestClients.USER, null, Fixtures.rsaKey(), false);
    return ImgapiClient.create(
        Endpoint.signed(Service.IMGAPI, url, TestClients.USER, null, signer::authorization),
        TestClients.config(clock));
  }

  private void handle(HttpExchange exchange) throws IOException {
    seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
    if (exchange.getRequestMethod().equals("PUT")) {
      MessageDigest sha1 = sha1();
      long received = 0;
      byte[] buffer = new byte[64 * 1024];
      try (InputStream in = exchange.getRequestBody()) {
        for (int n; (n = in.read(buffer)) != -1; received += n) {
          sha1.update(buffer, 0, n);
        }
      }
      byte[] answer =
          TestClients.image(
                  UUID,
                  "unactivated",
                  TestClients.files(HexFormat.of().formatHex(sha1.digest()), received),
                  "dev")
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    } else {
      exchange.sendResponseHeaders(200, SIZE);
      try (OutputStream out = exchange.getResponseBody();
          InputStream in = new GeneratedStream(SEED, SIZE)) {
        in.transferTo(out);
      }
    }
  }

  @Test
  void addImageFile_256MiBUnder64MiBHeap_streamsAndVerifies() {
    assertThat(Runtime.getRuntime().maxMemory()).isLessThan(SIZE / 2);
    String expected = expectedSha1();
    ByteSource generated =
        new ByteSource() {
          @Override
          public InputStream open() {
            return new GeneratedStream(SEED, SIZE);
          }

          @Override
          public long size() {
            return SIZE;
          }

          @Override
          public String describe() {
            return "generated image";
          }
        };

    Image image = client().addImageFile(UUID, generated, Compression.GZIP, expected, SIZE, "dev");

    assertThat(image.file().size()).isEqualTo(SIZE);
    assertThat(image.file().sha1()).isEqualTo(expected);
    assertThat(seen)
        .containsExactly(
            "PUT /images/" + UUID + "/file?compression=gzip&sha1=" + expected + "&channel=dev");
  }

  @Test
  void getImageFile_256MiBUnder64MiBHeap_streamsAndVerifies() throws IOException {
    assertThat(Runtime.getRuntime().maxMemory()).isLessThan(SIZE / 2);
    String expected = expectedSha1();
    Image image =
        Image.fromTree(
            ImageManifest.parse(
                    TestClients.image(UUID, "active", TestClients.files(expected, SIZE), "dev"),
                    "image")
                .toTree());

    long read;
    ImageFileStream stream;
    try (ImageFileStream in = client().getImageFile(image, "dev")) {
      stream = in;
      read = in.transferTo(OutputStream.nullOutputStream());
    }

    assertThat(read).isEqualTo(SIZE);
    assertThat(stream.verified().sha1Hex()).isEqualTo(expected);
    assertThat(seen).containsExactly("GET /images/" + UUID + "/file?channel=dev");
  }

  private static synchronized String expectedSha1() {
    if (expected == null) {
      expected = sha1Of(SIZE);
    }
    return expected;
  }

  private static String sha1Of(long size) {
    MessageDigest sha1 = sha1();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = new GeneratedStream(SEED, size)) {
      for (int n; (n = in.read(buffer)) != -1; ) {
        sha1.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return HexFormat.of().formatHex(sha1.digest());
  }

  private static MessageDigest sha1() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
