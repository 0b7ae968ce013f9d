package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.BuildFailedException;
import org.tritondatacenter.origin.build.ImageRecord;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.gc.GcReport;
import org.tritondatacenter.origin.gc.Leftover;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.cloudapi.guest.GuestBehaviour;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

/**
 * R20: when a cleanup action fails, cleanup goes on with the next one instead of stopping there,
 * and what it could not remove is listed in the error (with the command that removes it) and kept
 * in the run record, where {@code gc} finds it once the service works again. Cleanup never stops a
 * machine before deleting it, so a failing stop cannot hold the deletion up.
 */
class FailingCleanupTest {
  private static final ScaledClock CLOCK = ScaledClock.create(Builds.SPEED);

  @RegisterExtension
  static final LocalTritonExtension TRITON =
      LocalTritonExtension.withOptions(Seeds.options(CLOCK).build());

  @Test
  void build_imageDeletionFails_stillDeletesTheMachineAndReportsTheImage() {
    LocalTriton triton = TRITON.triton();
    Rig rig = Rig.on(triton, CLOCK, CLOCK);
    triton.cloud().failNextImageCreation("PrepareImageDidNotRun", "prepare-image never ran");
    triton
        .faults()
        .add(Fault.when(ServiceKind.CLOUDAPI, "DeleteImage").status(500, "InternalError", "down"));
    MemoryRunRecordStore store = new MemoryRunRecordStore();

    BuildFailedException e =
        catchThrowableOfType(
            BuildFailedException.class,
            () -> Builds.operation(rig, CLOCK, store).build().run(Builds.request().build()));

    String imageId = Builds.image(store).imageId();
    assertThat(imageId).as("the image stays in the record").isNotNull();
    assertThat(e.leftBehind())
        .singleElement()
        .asString()
        .contains("image " + imageId, "DeleteImage", "HTTP 500", "triton image rm " + imageId);
    assertThat(e.getMessage()).contains("left behind", imageId);
    assertThat(rig.events.of(Event.Cleanup.class))
        .extracting(Event.Cleanup::action, Event.Cleanup::ok)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("delete image", false),
            org.assertj.core.groups.Tuple.tuple("delete machine", true));
    assertThat(triton.cloud().undeletedMachines()).isEmpty();

    triton.faults().clear();
    GcReport gc = Builds.collectGarbage(rig, CLOCK);
    assertThat(gc.deleted())
        .extracting(Leftover::kind, Leftover::id)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Leftover.Kind.DATACENTER_IMAGE, imageId));
    assertThat(triton.cloud().images()).noneMatch(i -> imageId.equals(i.get("uuid")));
  }

  @Test
  void build_machineDeletionFails_reportsTheMachineWhichGcRemovesLater() {
    LocalTriton triton = TRITON.triton();
    Rig rig = Rig.on(triton, CLOCK, CLOCK);
    triton.cloud().guest().behave(GuestBehaviour.failAt("install"));
    triton
        .faults()
        .add(
            Fault.when(ServiceKind.CLOUDAPI, "DeleteMachine")
                .status(503, "ServiceUnavailable", "down for maintenance"));
    MemoryRunRecordStore store = new MemoryRunRecordStore();

    BuildFailedException e =
        catchThrowableOfType(
            BuildFailedException.class,
            () -> Builds.operation(rig, CLOCK, store).build().run(Builds.request().build()));

    assertThat(triton.cloud().undeletedMachines()).hasSize(1);
    String machineId = (String) triton.cloud().machines().get(0).get("id");
    assertThat(e.getMessage()).contains("failed at step install");
    assertThat(e.leftBehind())
        .singleElement()
        .asString()
        .contains("machine " + machineId, "HTTP 503", "triton instance rm " + machineId);
    ImageRecord record = Builds.image(store);
    assertThat(record.machineId()).as("the machine stays in the record").isEqualTo(machineId);
    assertThat(rig.events.of(Event.Cleanup.class))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.ok()).isFalse();
              assertThat(c.detail()).isEqualTo("triton instance rm " + machineId);
            });
    assertThat(triton.requests().count("StopMachine")).isZero();

    triton.faults().clear();
    GcReport gc = Builds.collectGarbage(rig, CLOCK);
    assertThat(gc.deleted()).extracting(Leftover::id).containsExactly(machineId);
    assertThat(triton.cloud().undeletedMachines()).isEmpty();
  }
}
