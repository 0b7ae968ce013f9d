package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.cloudapi.CreateMachineRequest;
import org.tritondatacenter.origin.cloudapi.MachineFilter;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.ManualClock;

/**
 * R27: a refused connection or a failed DNS lookup is retried with backoff within the retry budget
 * (CI networks are flaky), even for a create, which cannot have reached the server; the final error
 * names the host and the attempts. A TLS certificate problem is never retried (see {@link
 * TlsByDefaultTest}).
 */
class ConnectFailureTest {
  private static final ManualClock CLOCK = new ManualClock();

  @RegisterExtension static final LocalTritonExtension TRITON = LocalTritonExtension.withDefaults();

  /** Returns the URL of a loopback port nothing listens on. */
  private static URI closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
  }

  private CloudApiClient cloudApiAt(Rig rig, URI url) {
    return CloudApiClient.create(
        CloudApiClient.signedEndpoint(url, rig.login(), null, rig.key, true), rig.config());
  }

  @Test
  void get_connectionRefused_isRetriedWithBackoffAndNamesTheHost() throws Exception {
    Rig rig = Rig.on(TRITON.triton(), CLOCK, CLOCK);
    URI url = closedPort();

    TritonIoException e =
        catchThrowableOfType(
            TritonIoException.class, () -> cloudApiAt(rig, url).listMachines(MachineFilter.none()));

    assertThat(e.getMessage())
        .contains("ListMachines", url.getHost() + ":" + url.getPort(), "(attempt 5)");
    assertThat(rig.sleeps())
        .hasSize(4)
        .allSatisfy(d -> assertThat(d).isBetween(Duration.ZERO, Duration.ofSeconds(30)));
    assertThat(rig.events.warnings()).filteredOn(w -> w.contains("retrying")).hasSize(4);
  }

  @Test
  void create_connectionRefused_isRetriedBecauseNothingWasSent() throws Exception {
    Rig rig = Rig.on(TRITON.triton(), CLOCK, CLOCK);
    CloudApiClient cloud = cloudApiAt(rig, closedPort());
    CreateMachineRequest request =
        CreateMachineRequest.builder(Seeds.ORIGIN, "0b1a2c3d-0000-4000-8000-000000000001").build();

    TritonIoException e =
        catchThrowableOfType(TritonIoException.class, () -> cloud.createMachine(request));

    assertThat(e.getMessage()).contains("CreateMachine", "(attempt 5)");
    assertThat(e.getMessage()).doesNotContain("not sent again");
    assertThat(rig.sleeps()).hasSize(4);
  }

  @Test
  void get_dnsLookupFails_isRetriedAndSaysToCheckTheName() {
    AtomicInteger lookups = new AtomicInteger();
    OkHttpClient noDns =
        new OkHttpClient.Builder()
            .dns(
                host -> {
                  lookups.incrementAndGet();
                  throw new UnknownHostException(host + ": Temporary failure in name resolution");
                })
            .build();
    Rig rig = Rig.on(TRITON.triton(), CLOCK, CLOCK).with(c -> c.baseClient(noDns));

    TritonIoException e =
        catchThrowableOfType(
            TritonIoException.class,
            () ->
                cloudApiAt(rig, URI.create("https://cloudapi.example.test"))
                    .listMachines(MachineFilter.none()));

    assertThat(e.getMessage())
        .contains("unknown host cloudapi.example.test", "check the URL and DNS", "(attempt 5)");
    assertThat(lookups.get()).isEqualTo(5);
    assertThat(rig.sleeps()).hasSize(4);
  }
}
