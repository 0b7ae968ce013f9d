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
import org.tritondatacenter.origin.wait.ManualClock;
import org.tritondatacenter.origin.wait.Waiter;

/**
 * B6: the signed requests one wait costs. A machine takes ten simulated minutes to provision; the
 * client waits for {@code running} with its own polling backoff, then again with a fixed one-second
 * poll, as node-triton's {@code waitForMachineStates} does. Client and local Triton share one
 * {@link ManualClock}: a sleep moves both at once, so the counts are exact and the ten minutes take
 * well under a second.
 */
final class PollBench {
  static final Duration PROVISION = Duration.ofMinutes(10);

  Row run() {
    String load = Facts.load1();
    int ours = count(null);
    int fixed = count(Backoff.exponential(Duration.ofSeconds(1), 1.0, Duration.ofSeconds(1)));
    double ratio = (double) ours / fixed;
    return new Row(
        "B6",
        "GetMachine requests during a 10-minute provisioning wait, Backoff.polling(): " + ours,
        "fixed 1 s poll (node-triton): " + fixed,
        ratio,
        Row.target("B6"),
        Row.atMost(ours, 40),
        load,
        List.of());
  }

  /** Waits for one machine with {@code backoff} (null: the client's own) and counts the polls. */
  private static int count(Backoff backoff) {
    ManualClock clock = new ManualClock();
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
