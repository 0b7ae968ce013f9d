package org.tritondatacenter.origin.build;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.auth.HttpSigner;
import org.tritondatacenter.origin.auth.SigningKey;
import org.tritondatacenter.origin.auth.SshKeys;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.http.Endpoint;
import org.tritondatacenter.origin.http.HttpConfig;
import org.tritondatacenter.origin.images.BuildStamp;
import org.tritondatacenter.origin.images.ImagesFile;
import org.tritondatacenter.origin.images.ImagesJsonReader;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.state.RecordKeeper;
import org.tritondatacenter.origin.state.RunRecordStore;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.LocalTritonOptions;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

/**
 * A local Triton seeded for two images, and the clients, requests and operations the build tests
 * run against it. Waits run on a scaled clock the local Triton shares, so simulated minutes of
 * provisioning pass in milliseconds.
 */
final class LocalBuild {
  /** The first origin, minimal-64-lts 21.4.0. */
  static final String ORIGIN_A = "a7199134-7e94-11ec-be67-db6f482136c2";

  /** The second origin, minimal-64-lts 24.4.1. */
  static final String ORIGIN_B = "41bd4100-eb86-409a-85b0-e649aadf6f62";

  static final String IMAGE_A = "triton-origin-x86_64-21.4.0";
  static final String IMAGE_B = "triton-origin-x86_64-24.4.1";

  /** Two images: a plain one, and one that upgrades, audits and runs its own script line. */
  static final String IMAGES_JSON =
      """
      [
        {"namePrefix": "triton-origin-x86_64", "desc": "origin on 21.4.0",
         "origin": {"uuid": "%s", "name": "minimal-64-lts", "version": "21.4.0"},
         "pkgsrc": ["coreutils", "curl"], "protoMinMemoryMb": 1024},
        {"namePrefix": "triton-origin-x86_64", "desc": "origin on 24.4.1",
         "origin": {"uuid": "%s", "name": "minimal-64-lts", "version": "24.4.1"},
         "pkgsrc": ["coreutils", "sudo"], "protoMinMemoryMb": 1024,
         "upgrade": true, "audit": true, "script": ["echo built > /etc/motd"],
         "tags": {"role": "origin"}, "homepage": "https://example.test/origin"}
      ]
      """
          .formatted(ORIGIN_A, ORIGIN_B);

  static final BuildStamp STAMP =
      BuildStamp.of("master", "20260101T120000Z", "0123456789abcdef0123456789abcdef01234567");

  /** How much faster than real time the simulated datacenter runs. */
  static final long SPEED = 1000;

  private final LocalTriton triton;
  private final ScaledClock clock;
  private final SigningKey key;
  private final HttpConfig config;
  final List<Event> events = new CopyOnWriteArrayList<>();

  LocalBuild(LocalTriton triton, ScaledClock clock) {
    this(triton, clock, HttpConfig.builder().clock(clock).sleeper(clock).build());
  }

  private LocalBuild(LocalTriton triton, ScaledClock clock, HttpConfig config) {
    this.triton = triton;
    this.clock = clock;
    this.key = SshKeys.parse(triton.rsaKey().privateKeyText(), null, "the testkit key");
    this.config = config;
  }

  /** Returns options for a local Triton seeded for {@code imagesJson}, on {@code clock}. */
  static LocalTritonOptions.Builder options(ScaledClock clock, String imagesJson) {
    return LocalTritonOptions.builder()
        .seedImagesJson(imagesJson)
        .imageFileBytes(64 * 1024)
        .clock(clock.asJavaClock());
  }

  /** Returns a copy whose clients go through {@code client}, such as one that stops working. */
  LocalBuild through(OkHttpClient client) {
    return new LocalBuild(triton, clock, config.newBuilder().baseClient(client).build());
  }

  LocalTriton triton() {
    return triton;
  }

  ScaledClock clock() {
    return clock;
  }

  HttpConfig config() {
    return config;
  }

  CloudApiClient cloudApi() {
    return CloudApiClient.create(
        CloudApiClient.signedEndpoint(triton.cloudApiUrl(), triton.account(), null, key, true),
        config);
  }

  /** Returns a client of the updates-like IMGAPI. */
  ImgapiClient updates() {
    HttpSigner signer = HttpSigner.create(Service.IMGAPI, triton.account(), null, key, false);
    return ImgapiClient.create(
        Endpoint.signed(
            Service.IMGAPI,
            triton.imgapiUrl("updates"),
            triton.account(),
            null,
            signer::authorization),
        config);
  }

  static ImagesFile images(String json) {
    return ImagesJsonReader.strict().parse("images.json", json);
  }

  /**
   * Returns a request for {@link #IMAGES_JSON} with a day's deadline: at this speed a real second
   * is a simulated quarter hour, so a busy machine's pause must not end a build meant to succeed.
   */
  static BuildRequest.Builder request() {
    return request(IMAGES_JSON);
  }

  static BuildRequest.Builder request(String imagesJson) {
    return BuildRequest.builder(images(imagesJson), STAMP).timeout(Duration.ofHours(24));
  }

  /** Returns a build recorded in {@code store} that reports to {@link #events}. */
  BuildOperation.Builder operation(RunRecordStore store) {
    EventListener listener = events::add;
    return BuildOperation.builder(cloudApi(), new RecordKeeper(store, "the test record"))
        .time(clock, clock)
        .cleanupTimeout(Duration.ofHours(24))
        .listener(listener);
  }

  /** Returns the names of the tasks started for {@code image}, in order. */
  List<String> phasesStarted(String image) {
    return events.stream()
        .filter(e -> e instanceof Event.PhaseStarted p && image.equals(p.subject()))
        .map(e -> ((Event.PhaseStarted) e).phase())
        .toList();
  }

  /** Hands every event's text to the secret guard, which fails the test if one holds a secret. */
  void recordEvents(SecretGuardExtension secrets) {
    events.forEach(e -> secrets.record(e.toString()));
  }

  /** Returns the machines the local Triton knows, deleted ones included, with their state. */
  List<Map<String, Object>> machines() {
    return triton.cloud().machines();
  }
}
