package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.cloudapi.Machine;
import org.tritondatacenter.origin.cloudapi.MachineFilter;
import org.tritondatacenter.origin.cloudapi.MachineState;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.manta.MantaPath;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.RequestRecord;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.ManualClock;

/**
 * R2: a 429 or 503 with {@code Retry-After: N} is waited for at least N seconds, longer when the
 * backoff says so; throttling costs no more of the retry budget than a server error; even a create
 * is resent after a 429, which the server answered without acting; and a poll that is throttled
 * slows down.
 */
class RetryAfterTest {
  private static final ManualClock CLOCK = new ManualClock();

  @RegisterExtension
  static final LocalTritonExtension TRITON =
      LocalTritonExtension.withOptions(Seeds.options(CLOCK).build());

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {429, 503})
  void get_retryAfterTwiceThenOk_waitsAtLeastWhatTheServerAskedEachTime(int status) {
    LocalTriton triton = TRITON.triton();
    Rig rig = Rig.on(triton, CLOCK, CLOCK);
    triton
        .faults()
        .add(
            Fault.when(ServiceKind.CLOUDAPI, "ListPackages")
                .status(status, status == 429 ? "TooManyRequests" : "ServiceUnavailable", "slow")
                .retryAfter(7)
                .times(2));

    assertThat(rig.cloudApi().listPackages()).isNotEmpty();

    assertThat(triton.requests().operation("ListPackages"))
        .extracting(RequestRecord::status)
        .containsExactly(status, status, 200);
    assertThat(rig.sleeps())
        .hasSize(2)
        .allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(7)));
  }

  @Test
  void put_retryAfterBeyondTheBackoffCap_isStillWaitedInFull() {
    LocalTriton triton = TRITON.triton();
    Rig rig = Rig.on(triton, CLOCK, CLOCK);
    MantaClient manta = rig.manta();
    MantaPath dir = manta.path("~~/stor/reliability/r2");
    manta.mkdirp(dir);
    triton
        .faults()
        .add(
            Fault.when(ServiceKind.MANTA, "PutObject")
                .status(503, "ServiceUnavailable", "no storage nodes")
                .retryAfter(45)
                .times(1));
    byte[] bytes = Payloads.bytes(10_000, 2);

    manta.putObject(dir.resolve("object.bin"), ByteSource.ofBytes(bytes, "bytes"));

    // Never less than the server asked for, though the backoff's own cap is 30 s.
    assertThat(rig.sleeps()).containsExactly(Duration.ofSeconds(45));
    assertThat(triton.manta().object("/alice/stor/reliability/r2/object.bin").orElseThrow().md5())
        .isEqualTo(Payloads.md5Base64(bytes));
    manta.deleteObject(dir.resolve("object.bin"));
    manta.deleteObject(dir);
    manta.deleteObject(dir.parent());
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {429, 503})
  void get_fourRefusalsThenOk_succeedsOnTheFifthAttemptWhateverTheStatus(int status) {
    LocalTriton triton = TRITON.triton();
    Rig rig = Rig.on(triton, CLOCK, CLOCK);
    triton
        .faults()
        .add(
            Fault.when(ServiceKind.CLOUDAPI, "ListNetworks")
                .status(status, "Refused", "busy")
                .times(4));

    assertThat(rig.cloudApi().listNetworks()).isNotEmpty();

    assertThat(triton.requests().count("ListNetworks")).isEqualTo(5);
    assertThat(rig.sleeps()).hasSize(4);
  }

  @Test
  void createMachine_throttled_isSentAgainAndMakesOneMachine() {
    LocalTriton triton = TRITON.triton();
    Rig rig = Rig.on(triton, CLOCK, CLOCK);
    CloudApiClient cloud = rig.cloudApi();
    triton
        .faults()
        .add(
            Fault.when(ServiceKind.CLOUDAPI, "CreateMachine")
                .status(429, "TooManyRequests", "slow down")
                .retryAfter(5)
                .times(1));

    Machine machine = cloud.createMachine(Seeds.machine(cloud, "r2-throttled").build());

    assertThat(triton.requests().operation("CreateMachine"))
        .extracting(RequestRecord::status)
        .containsExactly(429, 201);
    assertThat(rig.sleeps()).singleElement().satisfies(d -> assertThat(d).hasSeconds(5));
    assertThat(cloud.listMachines(MachineFilter.none()))
        .singleElement()
        .extracting(Machine::id)
        .isEqualTo(machine.id());
    Seeds.destroy(cloud, machine.id());
  }

  @Test
  void waitForMachineState_pollThrottled_waitsWhatTheServerAskedBeforePollingAgain() {
    LocalTriton triton = TRITON.triton();
    Rig rig = Rig.on(triton, CLOCK, CLOCK);
    CloudApiClient cloud = rig.cloudApi();
    Machine created = cloud.createMachine(Seeds.machine(cloud, "r2-poll").build());
    triton
        .faults()
        .add(
            Fault.when(ServiceKind.CLOUDAPI, "GetMachine")
                .status(429, "TooManyRequests", "slow down")
                .retryAfter(40)
                .times(2));
    int sleepsBefore = rig.sleeps().size();

    Machine running = cloud.waitForMachineState(created.id(), MachineState.RUNNING, Seeds.WAIT);

    assertThat(running.state()).isEqualTo(MachineState.RUNNING);
    List<Duration> waited = rig.sleeps().subList(sleepsBefore, rig.sleeps().size());
    assertThat(waited)
        .filteredOn(d -> d.compareTo(Duration.ofSeconds(40)) >= 0)
        .as("each throttled poll waits the 40 s asked for")
        .hasSizeGreaterThanOrEqualTo(2);
    Seeds.destroy(cloud, created.id());
  }
}
