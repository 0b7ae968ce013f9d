package org.tritondatacenter.origin.testkit.imgapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.tritondatacenter.origin.testkit.ImgapiInstance;
import org.tritondatacenter.origin.testkit.ImgapiMode;
import org.tritondatacenter.origin.testkit.LocalTritonOptions;
import org.tritondatacenter.origin.testkit.SimulatorContext;
import org.tritondatacenter.origin.testkit.http.Faults;
import org.tritondatacenter.origin.testkit.http.Json;
import org.tritondatacenter.origin.testkit.http.RequestLog;
import org.tritondatacenter.origin.testkit.http.TestkitServer;
import org.tritondatacenter.origin.testkit.support.MutableClock;

/**
 * One simulated IMGAPI on a real Jetty server (port 0) with a stand-in authenticator, driven over
 * HTTP by the JDK client. Requests default to {@code Authorization: Test alice} and {@code
 * Accept-Version: ~2}.
 */
final class ImgapiHarness implements AutoCloseable {
  static final Instant START = Instant.parse("2024-03-01T10:00:00Z");

  final MutableClock clock = new MutableClock(START);
  final Faults faults = new Faults();
  final RequestLog log = new RequestLog();
  final TestkitServer server;
  final ImgapiSimulator imgapi;
  final URI base;
  final HttpClient client;

  private ImgapiHarness(
      Path dataDir,
      ImgapiMode mode,
      UnaryOperator<LocalTritonOptions.Builder> customise,
      long maxFileBytes) {
    LocalTritonOptions options =
        customise.apply(LocalTritonOptions.builder().dataDir(dataDir).clock(clock)).build();
    server = new TestkitServer("127.0.0.1", faults, log);
    SimulatorContext context =
        new SimulatorContext(options, new TestAuth(), server, faults, dataDir);
    imgapi = new ImgapiSimulator(context, new ImgapiInstance("updates", mode), maxFileBytes);
    server.add(imgapi.handler(), 0, options.tls());
    server.start();
    base = server.url("updates");
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5));
    if (options.tls()) {
      builder.sslContext(trusting(server));
    }
    client = builder.build();
  }

  static ImgapiHarness start(Path dataDir) {
    return start(dataDir, ImgapiMode.PRIVATE);
  }

  static ImgapiHarness start(Path dataDir, ImgapiMode mode) {
    return new ImgapiHarness(dataDir, mode, b -> b, ImgapiSimulator.MAX_FILE_BYTES);
  }

  static ImgapiHarness start(
      Path dataDir,
      ImgapiMode mode,
      UnaryOperator<LocalTritonOptions.Builder> customise,
      long maxFileBytes) {
    return new ImgapiHarness(dataDir, mode, customise, maxFileBytes);
  }

  @Override
  public void close() {
    server.close();
  }

  Call call(String method, String path) {
    return new Call(method, path);
  }

  /** A valid manifest for this server's mode, as CloudAPI's ExportImage would write it. */
  Map<String, Object> manifest(String uuid) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("v", 2);
    m.put("uuid", uuid);
    m.put("owner", "930896af-bf8c-48d4-885c-6573a94b1853");
    m.put("name", "triton-origin-base");
    m.put("version", "20240301T100000Z");
    m.put("state", "active");
    m.put("disabled", false);
    m.put("public", imgapi.mode() == ImgapiMode.PUBLIC);
    m.put("type", "zone-dataset");
    m.put("os", "smartos");
    m.put("files", List.of(Map.of("sha1", "abc", "size", 1, "compression", "gzip")));
    m.put("requirements", Map.of("min_platform", Map.of("7.0", "20240101T000000Z")));
    m.put("tags", Map.of("role", "base"));
    return m;
  }

  Response importImage(Map<String, Object> manifest, String channel) {
    String query = "?action=import" + (channel == null ? "" : "&channel=" + channel);
    return call("POST", "/images/" + manifest.get("uuid") + query).json(manifest).send();
  }

  Response upload(String uuid, byte[] bytes, String query) {
    return call("PUT", "/images/" + uuid + "/file?compression=gzip" + query).body(bytes).send();
  }

  Response activate(String uuid, String channel) {
    String query = "?action=activate" + (channel == null ? "" : "&channel=" + channel);
    return call("POST", "/images/" + uuid + query).send();
  }

  /** Imports, uploads and activates an image into {@code channel} (null: the default). */
  void publish(Map<String, Object> manifest, String channel, byte[] bytes) {
    String uuid = (String) manifest.get("uuid");
    String extra = channel == null ? "" : "&channel=" + channel;
    assertThat(importImage(manifest, channel).status()).isEqualTo(200);
    assertThat(upload(uuid, bytes, extra).status()).isEqualTo(200);
    assertThat(activate(uuid, channel).status()).isEqualTo(200);
  }

  private static SSLContext trusting(TestkitServer server) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      store.setCertificateEntry("testkit", server.certificate().certificate());
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** One request being built. */
  final class Call {
    private final String method;
    private final String path;
    private String authorization = "Test alice";
    private String version = "~2";
    private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Call(String method, String path) {
      this.method = method;
      this.path = path;
    }

    Call anonymous() {
      authorization = null;
      return this;
    }

    Call auth(String value) {
      authorization = value;
      return this;
    }

    /** Sets {@code Accept-Version}; null sends none. */
    Call version(String value) {
      version = value;
      return this;
    }

    Call header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    Call json(Object value) {
      headers.put("Content-Type", "application/json");
      body = HttpRequest.BodyPublishers.ofString(Json.write(value));
      return this;
    }

    Call body(byte[] bytes) {
      headers.put("Content-Type", "application/octet-stream");
      body = HttpRequest.BodyPublishers.ofByteArray(bytes);
      return this;
    }

    Response send() {
      return send(body);
    }

    /** Sends with this body publisher (for example a chunked stream). */
    Response send(HttpRequest.BodyPublisher body) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(base.resolve(path))
              .timeout(Duration.ofSeconds(20))
              .method(method, body);
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      if (version != null) {
        request.header("Accept-Version", version);
      }
      headers.forEach(request::header);
      try {
        HttpResponse<byte[]> response =
            client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Response(response.statusCode(), response.headers(), response.body());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** An answer. */
  record Response(int status, HttpHeaders headers, byte[] bytes) {
    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> json() {
      return (Map<String, Object>) parse();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list() {
      return (List<Map<String, Object>>) parse();
    }

    String code() {
      return (String) json().get("code");
    }

    /** Returns the {@code field} of each entry of an IMGAPI error's {@code errors} array. */
    List<String> errorFields() {
      List<?> errors = (List<?>) json().get("errors");
      return errors.stream().map(e -> String.valueOf(((Map<?, ?>) e).get("field"))).toList();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> file() {
      return ((List<Map<String, Object>>) json().get("files")).get(0);
    }

    private Object parse() {
      try {
        return Json.MAPPER.readValue(bytes, Object.class);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + text(), e);
      }
    }

    @Override
    public String toString() {
      return status + " " + text();
    }
  }
}
