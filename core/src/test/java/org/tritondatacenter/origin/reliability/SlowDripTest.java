package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.auth.HttpSigner;
import org.tritondatacenter.origin.auth.SigningKey;
import org.tritondatacenter.origin.auth.SshKeys;
import org.tritondatacenter.origin.http.Endpoint;
import org.tritondatacenter.origin.http.HttpConfig;
import org.tritondatacenter.origin.http.Throughput;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.manta.MantaInputStream;
import org.tritondatacenter.origin.testkit.KeyKind;
import org.tritondatacenter.origin.testkit.auth.KeyGenerator;
import org.tritondatacenter.origin.wait.ManualClock;

/**
 * R6: a server that drips the body (1 KiB every 100 ms) never trips the idle read timeout, so a
 * minimum throughput ends the transfer with a clear "too slow" error instead: a download is not
 * resumed into another drip, an upload is not sent again.
 *
 * <p>MockWebServer rather than testkit: only it can throttle a body, both the answer it writes and
 * the request it reads.
 */
class SlowDripTest {
  private static final int SIZE = 1024 * 1024;
  private static final Throughput MINIMUM = new Throughput(64 * 1024, Duration.ofMillis(500));
  private static final SigningKey KEY =
      SshKeys.parse(KeyGenerator.generate(KeyKind.RSA, "r6").privateKeyText(), null, "r6 key");

  @StartStop final MockWebServer server = new MockWebServer();

  private final Events events = new Events();

  private MantaClient manta(Throughput minimum) {
    return manta(server, minimum, null);
  }

  private MantaClient manta(MockWebServer server, Throughput minimum, OkHttpClient base) {
    ManualClock clock = new ManualClock();
    HttpSigner signer = HttpSigner.create(Service.MANTA, "alice", null, KEY, true);
    HttpConfig config =
        HttpConfig.builder()
            .clock(clock)
            .sleeper(clock)
            .listener(events)
            .readTimeout(Duration.ofSeconds(5))
            .minimumThroughput(minimum)
            .build();
    if (base != null) {
      config = config.newBuilder().baseClient(base).build();
    }
    return MantaClient.create(
        Endpoint.signed(Service.MANTA, server.url("/").uri(), "alice", null, signer::authorization),
        config,
        signer);
  }

  private static MockResponse.Builder dripping() {
    return new MockResponse.Builder().throttleBody(1024, 100, TimeUnit.MILLISECONDS);
  }

  @Test
  void defaults_aTransferMustAverageOneKibPerSecondOverTwoMinutes() {
    assertThat(HttpConfig.defaults().minimumThroughput())
        .isEqualTo(new Throughput(1024, Duration.ofMinutes(2)));
  }

  @Test
  void getObject_bodyDrips_failsAsTooSlowWithinAboutTheWindowAndIsNotResumed() {
    byte[] bytes = Payloads.bytes(SIZE, 6);
    server.enqueue(
        dripping()
            .code(200)
            .setHeader("Etag", "6a2b9c3e-1d4f-4e8a-9b7c-0f1e2d3c4b5a")
            .setHeader("Content-MD5", Payloads.md5Base64(bytes))
            .setHeader("Content-Type", "application/octet-stream")
            .body(new Buffer().write(bytes))
            .build());
    MantaClient manta = manta(MINIMUM);
    long start = System.nanoTime();

    TritonIoException e =
        catchThrowableOfType(
            TritonIoException.class,
            () -> {
              try (MantaInputStream in = manta.getObject(manta.path("/alice/stor/slow.bin"))) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
              }
            });

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(e.getMessage())
        .contains("Manta GetObject of /alice/stor/slow.bin", "too slow", "B/s", "65536");
    assertThat(server.getRequestCount()).as("no resume into another drip").isEqualTo(1);
  }

  @Test
  void putObject_serverReadsADrip_failsAsTooSlowAndIsNotSentAgain() throws Exception {
    try (MockWebServer slow = new MockWebServer()) {
      // Small socket buffers on both ends, as on a congested link: the writes themselves wait,
      // instead of the kernel taking megabytes at once and reopening its window seconds later.
      slow.setServerSocketFactory(new SmallBuffers.ServerSockets());
      slow.setBodyLimit(0);
      slow.start();
      slow.enqueue(
          new MockResponse.Builder()
              .add100Continue()
              .throttleBody(8 * 1024, 100, TimeUnit.MILLISECONDS)
              .code(204)
              .build());
      MantaClient manta =
          manta(
              slow,
              new Throughput(1024 * 1024, Duration.ofMillis(500)),
              new OkHttpClient.Builder().socketFactory(new SmallBuffers.Sockets()).build());
      long start = System.nanoTime();

      TritonIoException e =
          catchThrowableOfType(
              TritonIoException.class,
              () ->
                  manta.putObject(
                      manta.path("/alice/stor/slow.bin"), Payloads.generated(64L * SIZE, 7)));

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(e.getMessage()).contains("PutObject", "too slow", "1048576 B/s");
      assertThat(events.warnings()).noneMatch(w -> w.contains("retrying"));
    }
  }

  @Test
  void getObject_slowConsumerOfAFastBody_isNotBlamedOnTheNetwork() throws Exception {
    byte[] bytes = Payloads.bytes(256 * 1024, 8);
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Etag", "6a2b9c3e-1d4f-4e8a-9b7c-0f1e2d3c4b5a")
            .setHeader("Content-MD5", Payloads.md5Base64(bytes))
            .body(new Buffer().write(bytes))
            .build());
    // A minimum of 1 MiB/s over each 100 ms: far above what the reader below consumes.
    MantaClient manta = manta(server, new Throughput(1024 * 1024, Duration.ofMillis(100)), null);

    byte[] chunk = new byte[16 * 1024];
    long read = 0;
    try (InputStream in = manta.getObject(manta.path("/alice/stor/fast.bin"))) {
      int n;
      while ((n = in.read(chunk)) != -1) {
        read += n;
        // The consumer takes its time (a slow disk): 16 KiB per 30 ms, about 0.5 MiB/s.
        Thread.sleep(30);
      }
    }

    assertThat(read).isEqualTo(bytes.length);
  }
}
