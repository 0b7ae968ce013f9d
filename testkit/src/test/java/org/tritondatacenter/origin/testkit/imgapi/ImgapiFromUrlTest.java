package org.tritondatacenter.origin.testkit.imgapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.testkit.ImgapiMode;
import org.tritondatacenter.origin.testkit.imgapi.ImgapiHarness.Response;

class ImgapiFromUrlTest {
  private static final byte[] BYTES = "image bytes from a URL".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dataDir;
  private ImgapiHarness h;
  private HttpServer files;
  private final AtomicInteger fileRequests = new AtomicInteger();
  private String filesUrl;

  @BeforeEach
  void startFileServer() throws IOException {
    files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    files.createContext(
        "/file.zfs.gz",
        exchange -> {
          fileRequests.incrementAndGet();
          exchange.sendResponseHeaders(200, BYTES.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(BYTES);
          }
        });
    files.createContext(
        "/moved",
        exchange -> {
          exchange.getResponseHeaders().add("Location", filesUrl + "/file.zfs.gz");
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    files.createContext(
        "/missing",
        exchange -> {
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    files.start();
    filesUrl = "http://127.0.0.1:" + files.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    files.stop(0);
    if (h != null) {
      h.close();
    }
  }

  @Test
  void fromUrl_plainHttpWithoutTls_downloadsTheFile() {
    h = ImgapiHarness.start(dataDir);
    String uuid = imported();

    Response r = fromUrl(uuid, filesUrl + "/file.zfs.gz", "&sha1=" + ImgapiFileTest.sha1(BYTES));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.file())
        .containsEntry("sha1", ImgapiFileTest.sha1(BYTES))
        .containsEntry("size", BYTES.length);
    assertThat(h.call("GET", "/images/" + uuid + "/file").send().bytes()).isEqualTo(BYTES);
  }

  @Test
  void fromUrl_redirect_isNotFollowed() {
    h = ImgapiHarness.start(dataDir);
    String uuid = imported();

    Response r = fromUrl(uuid, filesUrl + "/moved", "");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.code()).isEqualTo("Download");
    assertThat(r.text()).contains("HTTP 302");
    assertThat(fileRequests).hasValue(0);
  }

  @Test
  void fromUrl_notFound_answers400DownloadWithTheStatus() {
    h = ImgapiHarness.start(dataDir);
    String uuid = imported();

    Response r = fromUrl(uuid, filesUrl + "/missing", "");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.code()).isEqualTo("Download");
    assertThat(r.text()).contains("HTTP 404");
    assertThat(h.imgapi.fileSha1(uuid)).isNull();
  }

  @Test
  void fromUrl_unreachableHost_answers400Download() throws IOException {
    h = ImgapiHarness.start(dataDir);
    String uuid = imported();
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    Response r = fromUrl(uuid, "http://127.0.0.1:" + closedPort + "/x", "");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.code()).isEqualTo("Download");
  }

  @Test
  void fromUrl_sha1Mismatch_answers400Download() {
    h = ImgapiHarness.start(dataDir);
    String uuid = imported();

    Response r = fromUrl(uuid, filesUrl + "/file.zfs.gz", "&sha1=" + "0".repeat(40));

    assertThat(r.code()).isEqualTo("Download");
    assertThat(h.imgapi.fileSha1(uuid)).isNull();
  }

  @Test
  void fromUrl_missingFileUrlOrCompression_answers422InvalidParameter() {
    h = ImgapiHarness.start(dataDir);
    String uuid = imported();

    Response noUrl =
        h.call("POST", "/images/" + uuid + "/file/from-url?compression=gzip").json(Map.of()).send();
    Response noCompression =
        h.call("POST", "/images/" + uuid + "/file/from-url")
            .json(Map.of("file_url", filesUrl + "/file.zfs.gz"))
            .send();

    assertThat(noUrl.code()).isEqualTo("InvalidParameter");
    assertThat(noUrl.text()).contains("file_url");
    assertThat(noCompression.code()).isEqualTo("InvalidParameter");
    assertThat(noCompression.text()).contains("compression");
  }

  @Test
  void fromUrl_activatedImage_answers422ImageFilesImmutable() {
    h = ImgapiHarness.start(dataDir);
    String uuid = UUID.randomUUID().toString();
    h.publish(h.manifest(uuid), null, BYTES);

    Response r = fromUrl(uuid, filesUrl + "/file.zfs.gz", "");

    assertThat(r.code()).isEqualTo("ImageFilesImmutable");
    assertThat(fileRequests).hasValue(0);
  }

  @Test
  void fromUrl_withTls_refusesHttpAndTrustsTheLocalCertificate() {
    h = ImgapiHarness.start(dataDir, ImgapiMode.PRIVATE, b -> b.tls(true), 1 << 20);
    String source = UUID.randomUUID().toString();
    h.publish(h.manifest(source), null, BYTES);
    String uuid = imported();

    Response http = fromUrl(uuid, filesUrl + "/file.zfs.gz", "");
    Response https = fromUrl(uuid, h.base + "/images/" + source + "/file", "");

    assertThat(h.base.getScheme()).isEqualTo("https");
    assertThat(http.status()).isEqualTo(422);
    assertThat(http.text()).contains("https");
    assertThat(https.status()).isEqualTo(200);
    assertThat(https.file()).containsEntry("sha1", ImgapiFileTest.sha1(BYTES));
  }

  private Response fromUrl(String uuid, String url, String query) {
    return h.call("POST", "/images/" + uuid + "/file/from-url?compression=gzip" + query)
        .json(Map.of("file_url", url))
        .send();
  }

  private String imported() {
    String uuid = UUID.randomUUID().toString();
    assertThat(h.importImage(h.manifest(uuid), null).status()).isEqualTo(200);
    return uuid;
  }
}
