package org.tritondatacenter.origin.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.tritondatacenter.origin.auth.SigningKey;
import org.tritondatacenter.origin.auth.SshKeys;
import org.tritondatacenter.origin.build.BuildOperation;
import org.tritondatacenter.origin.build.BuildRequest;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.http.HttpConfig;
import org.tritondatacenter.origin.images.BuildStamp;
import org.tritondatacenter.origin.images.ImagesFile;
import org.tritondatacenter.origin.images.ImagesJsonReader;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.state.RecordKeeper;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.LocalTritonOptions;
import org.tritondatacenter.origin.wait.ScaledClock;

/**
 * B7: four image builds at once against one, on a {@link ScaledClock} that the client and the local
 * Triton share, so the simulated minutes of provisioning, guest steps and image creation pass a
 * hundred times faster. Four builds that really overlap take about as long as one; what they add is
 * the cost of sharing the client, its connection pool and the CloudAPI.
 */
final class BuildBench {

  /**
   * How much faster than real time the datacenter runs. At 100x a request's few real milliseconds
   * are a few simulated tenths of a second, small beside the minutes being simulated.
   */
  static final long SPEED = 100;

  private static final String[][] ORIGINS = {
    {"a7199134-7e94-11ec-be67-db6f482136c2", "21.4.0"},
    {"9c0c1a7e-3b1f-4f0e-9a55-2a4c9a6b0d21", "22.4.0"},
    {"5e4c3f98-aca4-11ee-9db8-00151714048c", "23.4.0"},
    {"41bd4100-eb86-409a-85b0-e649aadf6f62", "24.4.1"},
  };

  private static final BuildStamp STAMP =
      BuildStamp.of("master", "20260101T120000Z", "0123456789abcdef0123456789abcdef01234567");

  Row run(int runs) {
    Samples load = new Samples("");
    Samples one = new Samples("s");
    Samples four = new Samples("s");
    for (int i = 0; i < runs; i++) {
      BenchMain.progress("B7 run " + (i + 1) + ": one build, four builds");
      load.add(Facts.load1Value());
      one.add(build(1));
      four.add(build(4));
    }
    double ratio = four.median() / one.median();
    return new Row(
        "B7",
        "four image builds at once on a ScaledClock ×" + SPEED + ": " + four + " (real time)",
        "one build: "
            + one
            + " (real time; "
            + Samples.format(one.median() * SPEED / 60)
            + " simulated minutes)",
        ratio,
        Row.target("B7"),
        Row.atMost(ratio, 1.3),
        load.describe(),
        List.of());
  }

  /** Builds {@code count} images in a fresh local Triton and returns the real seconds it took. */
  private static double build(int count) {
    String json = imagesJson(count);
    ScaledClock clock = ScaledClock.create(SPEED);
    try (LocalTriton triton =
        LocalTriton.start(
            LocalTritonOptions.builder()
                .seedImagesJson(json)
                .imageFileBytes(64 * 1024)
                .clock(clock.asJavaClock())
                .build())) {
      SigningKey key = SshKeys.parse(triton.rsaKey().privateKeyText(), null, "the testkit key");
      HttpConfig config = HttpConfig.builder().clock(clock).sleeper(clock).build();
      CloudApiClient cloud =
          CloudApiClient.create(
              CloudApiClient.signedEndpoint(
                  triton.cloudApiUrl(), triton.account(), null, key, true),
              config);
      ImagesFile images = ImagesJsonReader.strict().parse("bench-images.json", json);
      BuildRequest request =
          BuildRequest.builder(images, STAMP)
              .concurrency(count)
              .timeout(Duration.ofHours(2))
              .build();
      long start = System.nanoTime();
      BuildOperation.builder(cloud, new RecordKeeper(new MemoryRunRecordStore(), "bench build"))
          .time(clock, clock)
          .build()
          .run(request);
      return (System.nanoTime() - start) / 1e9;
    }
  }

  /** Returns an images file of {@code count} images, each on its own origin. */
  static String imagesJson(int count) {
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      entries.add(
          """
          {"namePrefix": "triton-origin-x86_64", "desc": "bench origin on %s",
           "origin": {"uuid": "%s", "name": "minimal-64-lts", "version": "%s"},
           "pkgsrc": ["coreutils", "curl"], "protoMinMemoryMb": 1024}"""
              .formatted(ORIGINS[i][1], ORIGINS[i][0], ORIGINS[i][1]));
    }
    return "[" + String.join(",\n", entries) + "]";
  }
}
