package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.http.HttpConfig;
import org.tritondatacenter.origin.http.Throughput;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.manta.MantaInputStream;
import org.tritondatacenter.origin.manta.MantaPath;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.ManualClock;

/**
 * R6: a server that drips the body (1 KiB every 100 ms) never trips the idle read timeout, so a
 * minimum throughput ends the transfer with a clear "too slow" error instead: a download is not
 * resumed into another drip, an upload is not sent again.
 *
 * <p>The drips are real time (the guard measures the network on the monotonic clock), kept to
 * windows of half a second.
 */
class SlowDripTest {
  private static final ManualClock CLOCK = new ManualClock();
  private static final int SIZE = 1024 * 1024;
  private static final Throughput MINIMUM = new Throughput(64 * 1024, Duration.ofMillis(500));

  @RegisterExtension static final LocalTritonExtension TRITON = LocalTritonExtension.withDefaults();

  private static Rig rig(LocalTriton triton, Throughput minimum) {
    return Rig.on(triton, CLOCK, CLOCK)
        .with(c -> c.readTimeout(Duration.ofSeconds(5)).minimumThroughput(minimum));
  }

  @Test
  void defaults_aTransferMustAverageOneKibPerSecondOverTwoMinutes() {
    assertThat(HttpConfig.defaults().minimumThroughput())
        .isEqualTo(new Throughput(1024, Duration.ofMinutes(2)));
  }

  @Test
  void getObject_bodyDrips_failsAsTooSlowWithinAboutTheWindowAndIsNotResumed() {
    LocalTriton triton = TRITON.triton();
    Rig rig = rig(triton, MINIMUM);
    MantaClient manta = rig.manta();
    MantaPath path = manta.path("~~/stor/slow.bin");
    manta.putObject(path, ByteSource.ofBytes(Payloads.bytes(SIZE, 6), "slow.bin"));
    // 1 KiB every 100 ms.
    Fault drip =
        triton.faults().add(Fault.when(ServiceKind.MANTA, "GetObject").throttleResponse(10 * 1024));
    long start = System.nanoTime();

    TritonIoException e =
        catchThrowableOfType(
            TritonIoException.class,
            () -> {
              try (MantaInputStream in = manta.getObject(path)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
              }
            });

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(e.getMessage()).contains("Manta GetObject of " + path, "too slow", "B/s", "65536");
    assertThat(drip.fired()).as("no resume into another drip").isEqualTo(1);
    triton.faults().clear();
    manta.deleteObject(path);
  }

  @Test
  void putObject_serverReadsADrip_failsAsTooSlowAndIsNotSentAgain() {
    LocalTriton triton = TRITON.triton();
    // A small send buffer on the client, as on a congested link: its writes themselves wait,
    // instead of the kernel taking megabytes at once and reopening its window seconds later.
    Rig rig =
        rig(triton, new Throughput(1024 * 1024, Duration.ofMillis(500)))
            .with(
                c ->
                    c.baseClient(
                        new OkHttpClient.Builder()
                            .socketFactory(new SmallBuffers.Sockets())
                            .build()));
    MantaClient manta = rig.manta();
    MantaPath path = manta.path("~~/stor/slow.bin");
    // 8 KiB every 100 ms.
    Fault drip =
        triton.faults().add(Fault.when(ServiceKind.MANTA, "PutObject").throttleRequest(80 * 1024));
    long start = System.nanoTime();

    TritonIoException e =
        catchThrowableOfType(
            TritonIoException.class,
            () -> manta.putObject(path, Payloads.generated(64L * SIZE, 7)));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(e.getMessage()).contains("PutObject", "too slow", "1048576 B/s");
    assertThat(rig.events.warnings()).noneMatch(w -> w.contains("retrying"));
    assertThat(drip.fired()).as("not sent again").isEqualTo(1);
    awaitGivenUp(triton, "PutObject");
    assertThat(triton.manta().exists(path.toString())).isFalse();
  }

  /**
   * Waits (real time, at most 5 s) until the server has read what the client left in the socket,
   * found the upload cut and dropped its part file, which the leak report would otherwise show.
   */
  private static void awaitGivenUp(LocalTriton triton, String operation) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (triton.requests().count(operation) == 0) {
      assertThat(System.nanoTime())
          .as("the server gives up the cut " + operation)
          .isLessThan(deadline);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  @Test
  void getObject_slowConsumerOfAFastBody_isNotBlamedOnTheNetwork() throws Exception {
    LocalTriton triton = TRITON.triton();
    byte[] bytes = Payloads.bytes(256 * 1024, 8);
    // A minimum of 1 MiB/s over each 100 ms: far above what the reader below consumes.
    MantaClient manta = rig(triton, new Throughput(1024 * 1024, Duration.ofMillis(100))).manta();
    MantaPath path = manta.path("~~/stor/fast.bin");
    manta.putObject(path, ByteSource.ofBytes(bytes, "fast.bin"));

    byte[] chunk = new byte[16 * 1024];
    long read = 0;
    try (InputStream in = manta.getObject(path)) {
      int n;
      while ((n = in.read(chunk)) != -1) {
        read += n;
        // The consumer takes its time (a slow disk): 16 KiB per 30 ms, about 0.5 MiB/s.
        Thread.sleep(30);
      }
    }

    assertThat(read).isEqualTo(bytes.length);
    manta.deleteObject(path);
  }
}
