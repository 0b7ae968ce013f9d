package org.tritondatacenter.origin.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.steps.BuildResult;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.http.RequestRecord;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

/** Images build at the same time, up to the concurrency. */
class ParallelBuildTest {
  /**
   * Slower than the other build tests: the machines must overlap in simulated time however late a
   * busy machine starts a thread, so each simulated minute is given 0.6 s of real time.
   */
  private static final ScaledClock CLOCK = ScaledClock.create(100);

  @RegisterExtension
  static final LocalTritonExtension TRITON =
      LocalTritonExtension.withOptions(LocalBuild.options(CLOCK, LocalBuild.IMAGES_JSON).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(TRITON);

  @Test
  void run_fourImages_provisionsAllFourMachinesAtOnce() {
    LocalTriton triton = TRITON.triton();
    LocalBuild local = new LocalBuild(triton, CLOCK);
    String four =
        """
        [
          {"namePrefix": "p1", "desc": "d", "pkgsrc": ["coreutils"], "protoMinMemoryMb": 1024,
           "origin": {"uuid": "%1$s", "name": "minimal-64-lts", "version": "21.4.0"}},
          {"namePrefix": "p2", "desc": "d", "pkgsrc": ["coreutils"], "protoMinMemoryMb": 1024,
           "origin": {"uuid": "%1$s", "name": "minimal-64-lts", "version": "21.4.0"}},
          {"namePrefix": "p3", "desc": "d", "pkgsrc": ["coreutils"], "protoMinMemoryMb": 1024,
           "origin": {"uuid": "%2$s", "name": "minimal-64-lts", "version": "24.4.1"}},
          {"namePrefix": "p4", "desc": "d", "pkgsrc": ["coreutils"], "protoMinMemoryMb": 1024,
           "origin": {"uuid": "%2$s", "name": "minimal-64-lts", "version": "24.4.1"}}
        ]
        """
            .formatted(LocalBuild.ORIGIN_A, LocalBuild.ORIGIN_B);

    BuildResult result =
        local.operation(new MemoryRunRecordStore()).build().run(LocalBuild.request(four).build());

    assertThat(result.images()).hasSize(4).allSatisfy(i -> assertThat(i.uuid()).isNotNull());
    List<String> operations =
        triton.requests().all().stream()
            .map(RequestRecord::operation)
            .filter(o -> o.equals("CreateMachine") || o.equals("StopMachine"))
            .toList();
    // Each machine provisions for a simulated minute and runs its script for another: four
    // CreateMachine calls before the first StopMachine means all four were being built at once.
    assertThat(operations.subList(0, 4)).containsOnly("CreateMachine");
    assertThat(operations).hasSize(8);
    assertThat(triton.cloud().undeletedMachines()).isEmpty();
  }
}
