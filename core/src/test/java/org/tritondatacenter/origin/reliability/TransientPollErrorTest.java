package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tritondatacenter.origin.http.RetryPolicy;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.steps.BuildResult;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

/**
 * R18: a 5xx, a 429 or a lost answer among the polls of the build's waits does not end the wait,
 * unlike node-triton and packer, which give up at the first failed poll. It holds whether the HTTP
 * layer retries the poll itself or, with retries turned off, the wait sees every failure.
 */
class TransientPollErrorTest {
  private static final ScaledClock CLOCK = ScaledClock.create(Builds.SPEED);

  @RegisterExtension
  static final LocalTritonExtension TRITON =
      LocalTritonExtension.withOptions(Seeds.options(CLOCK).build());

  @ParameterizedTest(name = "HTTP retries {0}")
  @ValueSource(booleans = {true, false})
  void build_transientFailuresAmongThePolls_finishesTheBuild(boolean httpRetries) {
    LocalTriton triton = TRITON.triton();
    Rig rig = Rig.on(triton, CLOCK, CLOCK);
    if (!httpRetries) {
      rig = rig.with(c -> c.retryPolicy(RetryPolicy.none()));
    }
    List<Fault> faults =
        List.of(
            Fault.when(ServiceKind.CLOUDAPI, "GetMachine")
                .status(503, "ServiceUnavailable", "flaky")
                .skip(1)
                .times(1),
            Fault.when(ServiceKind.CLOUDAPI, "GetMachine")
                .status(429, "TooManyRequests", "slow down")
                .skip(2)
                .times(1),
            Fault.when(ServiceKind.CLOUDAPI, "GetMachine").dropResponse().skip(3).times(1),
            Fault.when(ServiceKind.CLOUDAPI, "GetMachineMetadata")
                .status(500, "InternalError", "flaky")
                .times(1),
            // The first GetImage is preflight's look at the origin; the next are the image's wait.
            Fault.when(ServiceKind.CLOUDAPI, "GetImage")
                .status(502, "BadGateway", "flaky")
                .skip(1)
                .times(1));
    faults.forEach(triton.faults()::add);

    BuildResult result =
        Builds.operation(rig, CLOCK, new MemoryRunRecordStore())
            .build()
            .run(Builds.request().build());

    assertThat(faults).allSatisfy(f -> assertThat(f.fired()).isEqualTo(1));
    assertThat(result.images()).singleElement().satisfies(i -> assertThat(i.uuid()).isNotNull());
    assertThat(Builds.failedPhases(rig.events)).isEmpty();
    assertThat(triton.cloud().undeletedMachines()).isEmpty();
  }
}
