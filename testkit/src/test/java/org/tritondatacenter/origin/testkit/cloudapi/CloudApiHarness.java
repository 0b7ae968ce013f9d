package org.tritondatacenter.origin.testkit.cloudapi;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.LocalTritonOptions;
import org.tritondatacenter.origin.testkit.SimulatorContext;
import org.tritondatacenter.origin.testkit.http.Authenticator;
import org.tritondatacenter.origin.testkit.http.Faults;
import org.tritondatacenter.origin.testkit.http.Json;
import org.tritondatacenter.origin.testkit.http.RequestLog;
import org.tritondatacenter.origin.testkit.http.Router;
import org.tritondatacenter.origin.testkit.http.ServiceHandler;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.http.TestkitServer;
import org.tritondatacenter.origin.testkit.support.MutableClock;

/**
 * A CloudAPI simulator on a real port with a manual clock, a temporary-directory Manta store and a
 * plain JDK HTTP client. Seeded with one origin image, two packages and a public network.
 */
final class CloudApiHarness implements AutoCloseable {
  static final String ORIGIN = "a7199134-7e94-11ec-be67-db6f482136c2";

  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
  final Path dir;
  final DirMantaStore manta;
  final TestkitServer server;
  final CloudApiSimulator cloud;
  final RequestLog log = new RequestLog();
  final LocalTritonOptions options;
  final String networkId;
  private final HttpClient client = HttpClient.newHttpClient();
  private final URI base;

  private CloudApiHarness(Consumer<LocalTritonOptions.Builder> customize) throws IOException {
    dir = Files.createTempDirectory("cloudapi-test-");
    manta = new DirMantaStore(Files.createDirectories(dir.resolve("manta")));
    LocalTritonOptions.Builder builder =
        LocalTritonOptions.builder().clock(clock).imageFileBytes(200_000);
    customize.accept(builder);
    options = builder.build();
    server = new TestkitServer("127.0.0.1", new Faults(), log);
    SimulatorContext context =
        new SimulatorContext(options, new TestAuth(), server, new Faults(), dir.resolve("data"));
    cloud = new CloudApiSimulator(context, manta);
    server.add(cloud.handler(), 0, false);
    server.add(
        new ServiceHandler(LocalTriton.MANTA, ServiceKind.MANTA, new Router(), Authenticator.NONE),
        0,
        false);
    server.start();
    base = server.url(LocalTriton.CLOUDAPI);
    cloud.seedImage(
        Map.of(
            "uuid",
            ORIGIN,
            "name",
            "minimal-64-lts",
            "version",
            "21.4.0",
            "requirements",
            Map.of("min_platform", Map.of("7.0", "20210826T002459Z"))));
    cloud.addPackage("sample-1G", 1024, 51200);
    cloud.addPackage("sample-2G", 2048, 102400);
    networkId = cloud.addNetwork("external", true);
  }

  static CloudApiHarness start() throws IOException {
    return new CloudApiHarness(b -> {});
  }

  static CloudApiHarness start(Consumer<LocalTritonOptions.Builder> customize) throws IOException {
    return new CloudApiHarness(customize);
  }

  /** One answer: status, body text and headers, with JSON helpers. */
  record Answer(int status, String body, HttpHeaders headers) {
    Map<String, Object> map() {
      return Json.MAPPER.convertValue(json(), new TypeReference<Map<String, Object>>() {});
    }

    List<Map<String, Object>> list() {
      return Json.MAPPER.convertValue(json(), new TypeReference<List<Map<String, Object>>>() {});
    }

    Object json() {
      try {
        return Json.MAPPER.readValue(body, Object.class);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    String code() {
      return (String) map().get("code");
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  Answer get(String path, String... headers) {
    return send(request(path, headers).GET());
  }

  Answer head(String path) {
    return send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
  }

  Answer post(String path, Object body, String... headers) {
    return send(
        request(path, headers)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))));
  }

  Answer delete(String path) {
    return send(request(path).DELETE());
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
    b.header("Accept", "application/json");
    for (int i = 0; i < headers.length; i += 2) {
      b.setHeader(headers[i], headers[i + 1]);
    }
    return b;
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Creates a machine from the origin image and returns its JSON. */
  Map<String, Object> createMachine(String name, Map<String, Object> extra) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("image", ORIGIN);
    body.put("package", "sample-1G");
    body.put("name", name);
    body.putAll(extra);
    Answer a = post("/alice/machines", body);
    if (a.status() != 201) {
      throw new AssertionError("CreateMachine answered " + a.status() + ": " + a.body());
    }
    return a.map();
  }

  String state(String machineId) {
    return (String) get("/my/machines/" + machineId).map().get("state");
  }

  @Override
  public void close() throws IOException {
    server.close();
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
