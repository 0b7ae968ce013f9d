package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.cloudapi.MachineFilter;
import org.tritondatacenter.origin.http.HttpConfig;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.ManualClock;

/**
 * R5: a server that accepts a request and never answers is given up on when the idle read timeout
 * fires (60 s by default, over an hour for ExportImage and AddImageFileFromUrl, which stay silent
 * while they copy); a read is then retried like any transient failure, a create is not, and no
 * caller waits longer than the timeout.
 */
class StallTest {
  private static final ManualClock CLOCK = new ManualClock();
  private static final Duration READ_TIMEOUT = Duration.ofMillis(300);

  /** How long the server holds the connection: longer than the timeout, short for the suite. */
  private static final Duration STALL = Duration.ofMillis(1500);

  @RegisterExtension
  static final LocalTritonExtension TRITON =
      LocalTritonExtension.withOptions(Seeds.options(CLOCK).build());

  @Test
  void defaults_readTimeoutIsAMinuteAndOverAnHourForTheSilentCopies() {
    HttpConfig defaults = HttpConfig.defaults();

    assertThat(defaults.readTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(defaults.readTimeout("GetMachine")).isEqualTo(Duration.ofSeconds(60));
    assertThat(defaults.readTimeout("ExportImage")).isGreaterThanOrEqualTo(Duration.ofHours(1));
    assertThat(defaults.readTimeout("AddImageFileFromUrl"))
        .isGreaterThanOrEqualTo(Duration.ofHours(1));
  }

  @Test
  void read_serverStallsOnce_timesOutAndIsRetried() {
    LocalTriton triton = TRITON.triton();
    Rig rig = Rig.on(triton, CLOCK, CLOCK).with(c -> c.readTimeout(READ_TIMEOUT));
    Fault stall =
        triton.faults().add(Fault.when(ServiceKind.CLOUDAPI, "ListMachines").stall(STALL).times(1));
    long start = System.nanoTime();

    assertThat(rig.cloudApi().listMachines(MachineFilter.none())).isEmpty();

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .as("answered by the retry before the stalled connection closed")
        .isLessThan(STALL);
    assertThat(stall.fired()).isEqualTo(1);
    // The stalled request shows in the log only once the server gives it up.
    assertThat(triton.requests().operation("ListMachines"))
        .singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(200));
    assertThat(rig.events.warnings())
        .singleElement()
        .asString()
        .contains("ListMachines", "no answer in time", "retrying");
  }

  @Test
  void create_serverStalls_isGivenUpAfterTheTimeoutAndNotSentAgain() {
    LocalTriton triton = TRITON.triton();
    Rig rig = Rig.on(triton, CLOCK, CLOCK).with(c -> c.readTimeout(READ_TIMEOUT));
    CloudApiClient cloud = rig.cloudApi();
    var request = Seeds.machine(cloud, "r5-stalled").build();
    triton.faults().add(Fault.when(ServiceKind.CLOUDAPI, "CreateMachine").stall(STALL));
    long start = System.nanoTime();

    TritonIoException e =
        catchThrowableOfType(TritonIoException.class, () -> cloud.createMachine(request));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(STALL);
    assertThat(e.getMessage())
        .contains("CreateMachine", "no answer in time", "read timeout 300 ms")
        .contains("not sent again, because the server may have acted on it");
    assertThat(triton.requests().operation("CreateMachine")).isEmpty();
    assertThat(triton.cloud().machines()).isEmpty();
  }
}
