package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.BuildFailedException;
import org.tritondatacenter.origin.cloudapi.ResourceFailedException;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.cloudapi.guest.GuestBehaviour;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

/**
 * R17: a machine or an image that reaches {@code failed} ends its wait at once, not at the
 * deadline; the error carries the image's {@code error} object, and cleanup deletes the machine and
 * the failed image.
 */
class TerminalStateTest {
  private static final ScaledClock CLOCK = ScaledClock.create(Builds.SPEED);

  /** The deadline the build would wait to without terminal states. */
  private static final Duration DEADLINE = Duration.ofHours(24);

  @RegisterExtension
  static final LocalTritonExtension TRITON =
      LocalTritonExtension.withOptions(Seeds.options(CLOCK).build());

  @Test
  void build_machineFailsAtBoot_endsTheWaitAtOnceAndDeletesTheMachine() {
    LocalTriton triton = TRITON.triton();
    Rig rig = Rig.on(triton, CLOCK, CLOCK);
    triton.cloud().guest().behave(GuestBehaviour.crash());

    BuildFailedException e =
        catchThrowableOfType(
            BuildFailedException.class,
            () ->
                Builds.operation(rig, CLOCK, new MemoryRunRecordStore())
                    .build()
                    .run(Builds.request().timeout(DEADLINE).build()));

    assertThat(e.getMessage()).contains("failed at 'wait for machine running'", "failed");
    assertThat(e).hasRootCauseInstanceOf(ResourceFailedException.class);
    assertThat(waited(rig, "wait for machine running"))
        .as("the wait ended when the machine failed, long before the deadline")
        .isLessThan(Duration.ofMinutes(30));
    assertThat(e.leftBehind()).isEmpty();
    assertThat(triton.cloud().machines())
        .singleElement()
        .satisfies(m -> assertThat(m).containsEntry("state", "deleted"));
  }

  @Test
  void build_imageFails_endsTheWaitAtOnceWithItsErrorAndDeletesImageAndMachine() {
    LocalTriton triton = TRITON.triton();
    Rig rig = Rig.on(triton, CLOCK, CLOCK);
    triton.cloud().failNextImageCreation("PrepareImageDidNotRun", "prepare-image never ran");

    BuildFailedException e =
        catchThrowableOfType(
            BuildFailedException.class,
            () ->
                Builds.operation(rig, CLOCK, new MemoryRunRecordStore())
                    .build()
                    .run(Builds.request().timeout(DEADLINE).build()));

    ResourceFailedException failed =
        (ResourceFailedException) org.assertj.core.util.Throwables.getRootCause(e);
    assertThat(failed.resource()).isEqualTo("image");
    assertThat(failed.errorCode()).isEqualTo("PrepareImageDidNotRun");
    assertThat(failed.errorMessage()).isEqualTo("prepare-image never ran");
    assertThat(e.getMessage()).contains("PrepareImageDidNotRun", "prepare-image never ran");
    assertThat(waited(rig, "wait for image active")).isLessThan(Duration.ofMinutes(30));
    assertThat(e.leftBehind()).isEmpty();
    assertThat(rig.events.of(Event.Cleanup.class))
        .filteredOn(Event.Cleanup::ok)
        .extracting(Event.Cleanup::action)
        .containsExactly("delete image", "delete machine");
    assertThat(triton.cloud().images()).noneMatch(i -> Seeds.IMAGE.equals(i.get("name")));
    assertThat(triton.cloud().undeletedMachines()).isEmpty();
  }

  /** Returns how long the phase ran on the simulated clock. */
  private static Duration waited(Rig rig, String phase) {
    return rig.events.of(Event.PhaseFinished.class).stream()
        .filter(p -> p.phase().equals(phase))
        .findFirst()
        .orElseThrow()
        .elapsed();
  }
}
