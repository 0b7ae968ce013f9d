package org.tritondatacenter.origin.bench;

import java.time.Duration;
import java.util.List;
import org.tritondatacenter.origin.auth.SshKeys;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.cloudapi.CreateMachineRequest;
import org.tritondatacenter.origin.cloudapi.Machine;
import org.tritondatacenter.origin.cloudapi.MachineState;
import org.tritondatacenter.origin.http.HttpConfig;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.LocalTritonOptions;
import org.tritondatacenter.origin.testkit.SimulatedTimings;
import org.tritondatacenter.origin.testkit.TestKey;
import org.tritondatacenter.origin.wait.Backoff;
import org.tritondatacenter.origin.wait.Clock;
import org.tritondatacenter.origin.wait.ManualClock;
import org.tritondatacenter.origin.wait.ScaledClock;
import org.tritondatacenter.origin.wait.Sleeper;
import org.tritondatacenter.origin.wait.Waiter;

/**
 * B6: the signed requests one wait costs. A machine takes ten simulated minutes to provision; the
 * client waits for {@code running} with its own polling backoff, then again with a fixed one-second
 * poll, as node-triton's {@code waitForMachineStates} does. Client and local Triton share one
 * clock. The row is measured on a {@link ScaledClock} at ×{@value #SCALE}, as the budget sets it;
 * there the real time of each request also passes, scaled, so the fixed poll sends somewhat fewer
 * than 600. The same waits on a {@link ManualClock}, where a sleep moves both sides at once and a
 * request takes no simulated time, give the exact counts, reported beside it.
 */
final class PollBench {
  static final Duration PROVISION = Duration.ofMinutes(10);
  static final long SCALE = 100;

  Row run() {
    String load = Facts.load1();
    Backoff fixedPoll = Backoff.exponential(Duration.ofSeconds(1), 1.0, Duration.ofSeconds(1));
    int ours = count(null, ScaledClock.create(SCALE));
    int fixed = count(fixedPoll, ScaledClock.create(SCALE));
    int exactOurs = count(null, new ManualClock());
    int exactFixed = count(fixedPoll, new ManualClock());
    double ratio = (double) ours / fixed;
    return new Row(
        "B6",
        "GetMachine requests during a 10-minute provisioning wait on a ScaledClock ×"
            + SCALE
            + ", Backoff.polling(): "
            + ours,
        "fixed 1 s poll (node-triton): " + fixed,
        ratio,
        Row.target("B6"),
        Row.atMost(ours, 40),
        load,
        List.of(
            "on a ManualClock, where requests take no simulated time, the exact counts are "
                + exactOurs
                + " against "
                + exactFixed
                + "."));
  }

  /**
   * Waits for one machine with {@code backoff} (null: the client's own) on {@code clock}, shared
   * with the local Triton, and counts the polls.
   */
  private static <C extends Clock & Sleeper> int count(Backoff backoff, C clock) {
    SimulatedTimings timings =
        new SimulatedTimings(PROVISION, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    try (LocalTriton triton =
        LocalTriton.start(
            LocalTritonOptions.builder().clock(clock.asJavaClock()).timings(timings).build())) {
      TestKey key = triton.rsaKey();
      HttpConfig config = HttpConfig.builder().clock(clock).sleeper(clock).build();
      CloudApiClient cloud =
          CloudApiClient.create(
              CloudApiClient.signedEndpoint(
                  triton.cloudApiUrl(),
                  triton.account(),
                  null,
                  SshKeys.parse(key.privateKeyText(), null, "the testkit's RSA key"),
                  true),
              config);
      if (backoff != null) {
        cloud =
            cloud.withWaiter(Waiter.create(clock, clock, config.listener()).withBackoff(backoff));
      }
      String image = cloud.listImages().get(0).id();
      String pkg = cloud.listPackages().get(0).id();
      Machine machine =
          cloud.createMachine(CreateMachineRequest.builder(image, pkg).name("b6-poll").build());
      triton.requests().clear();
      cloud.waitForMachineState(machine.id(), MachineState.RUNNING, Duration.ofMinutes(30));
      int polls = triton.requests().count("GetMachine");
      cloud.deleteMachine(machine.id());
      return polls;
    }
  }
}
