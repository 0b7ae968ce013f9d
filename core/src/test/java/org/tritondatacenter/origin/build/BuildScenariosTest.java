package org.tritondatacenter.origin.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.BuildFailedException;
import org.tritondatacenter.origin.WaitTimeoutException;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.cloudapi.MachineState;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.state.RunRecord;
import org.tritondatacenter.origin.steps.BuildResult;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.cloudapi.guest.GuestBehaviour;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

/** How the build copes with what goes wrong in the datacenter and in the guest. */
class BuildScenariosTest {
  private static final ScaledClock CLOCK = ScaledClock.create(LocalBuild.SPEED);

  @RegisterExtension
  static final LocalTritonExtension TRITON =
      LocalTritonExtension.withOptions(LocalBuild.options(CLOCK, LocalBuild.IMAGES_JSON).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(TRITON);

  private static BuildRequest.Builder onlyA() {
    return LocalBuild.request().only(List.of(LocalBuild.IMAGE_A));
  }

  @Test
  void run_packageMissingFromTheRepository_failsNamingItAndDeletesTheMachine() {
    LocalBuild local = new LocalBuild(TRITON.triton(), CLOCK);
    String json =
        LocalBuild.IMAGES_JSON.replace(
            "\"pkgsrc\": [\"coreutils\", \"curl\"]", "\"pkgsrc\": [\"coreutils\", \"nosuchpkg\"]");
    BuildRequest request = LocalBuild.request(json).only(List.of(LocalBuild.IMAGE_A)).build();

    assertThatThrownBy(() -> local.operation(new MemoryRunRecordStore()).build().run(request))
        .isInstanceOfSatisfying(
            BuildFailedException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains("failed at step install")
                  .contains("pkgin -y in coreutils nosuchpkg")
                  .contains("nosuchpkg is not available in the repository");
              assertThat(e).hasRootCauseInstanceOf(GuestFailedException.class);
              assertThat(e.leftBehind()).isEmpty();
              secrets.record(e);
            });
    assertThat(TRITON.triton().cloud().undeletedMachines()).isEmpty();
  }

  @Test
  void run_createMachineAnswerLost_adoptsTheMachineInsteadOfMakingAnother() {
    LocalTriton triton = TRITON.triton();
    LocalBuild local = new LocalBuild(triton, CLOCK);
    Fault lost = Fault.when(ServiceKind.CLOUDAPI, "CreateMachine").dropResponse().times(1);
    triton.faults().add(lost);

    BuildResult result = local.operation(new MemoryRunRecordStore()).build().run(onlyA().build());

    assertThat(lost.fired()).isEqualTo(1);
    assertThat(triton.requests().count("CreateMachine")).isEqualTo(1);
    assertThat(local.machines()).hasSize(1);
    assertThat(result.images().get(0).uuid()).isNotNull();
    assertThat(local.events)
        .anyMatch(e -> e instanceof Event.Info i && i.message().contains("answer was lost"));
  }

  @Test
  void run_createImageAnswerLost_adoptsTheImageFoundByNameAndVersion() {
    LocalTriton triton = TRITON.triton();
    LocalBuild local = new LocalBuild(triton, CLOCK);
    Fault lost = Fault.when(ServiceKind.CLOUDAPI, "CreateImageFromMachine").dropResponse().times(1);
    triton.faults().add(lost);

    BuildResult result = local.operation(new MemoryRunRecordStore()).build().run(onlyA().build());

    assertThat(lost.fired()).isEqualTo(1);
    assertThat(triton.requests().count("CreateImageFromMachine")).isEqualTo(1);
    assertThat(triton.cloud().images())
        .filteredOn(i -> LocalBuild.IMAGE_A.equals(i.get("name")))
        .singleElement()
        .satisfies(i -> assertThat(i).containsEntry("uuid", result.images().get(0).uuid()));
    local.recordEvents(secrets);
  }

  @Test
  void run_keepOnFailure_keepsTheMachineAndSaysHowToDeleteIt() {
    LocalTriton triton = TRITON.triton();
    LocalBuild local = new LocalBuild(triton, CLOCK);
    triton.cloud().guest().behave(GuestBehaviour.failAt("install"));
    MemoryRunRecordStore store = new MemoryRunRecordStore();

    BuildFailedException failure =
        (BuildFailedException)
            org.assertj.core.api.Assertions.catchThrowable(
                () -> local.operation(store).build().run(onlyA().keepOnFailure(true).build()));

    assertThat(triton.cloud().undeletedMachines()).hasSize(1);
    String machineId = (String) local.machines().get(0).get("id");
    assertThat(failure.leftBehind())
        .singleElement()
        .asString()
        .contains("machine " + machineId)
        .contains("kept for debugging (keepOnFailure)")
        .contains("triton instance rm " + machineId);
    assertThat(failure.getMessage()).contains("kept for debugging");
    BuildRecord record =
        RunRecord.parse(store.load().orElseThrow(), "test")
            .section(BuildRecord.SECTION, BuildRecord.class)
            .orElseThrow();
    assertThat(record.image(LocalBuild.IMAGE_A).orElseThrow().keptMachines())
        .containsExactly(machineId);

    CloudApiClient cloudApi = local.cloudApi();
    cloudApi.deleteMachine(machineId);
    cloudApi.waitForMachineState(machineId, MachineState.DELETED, Duration.ofHours(1));
  }

  @Test
  void run_guestHangs_timesOutNamingTheLastStatusAndCleansUp() {
    LocalTriton triton = TRITON.triton();
    LocalBuild local = new LocalBuild(triton, CLOCK);
    triton.cloud().guest().behave(GuestBehaviour.hangAt("install"));

    assertThatThrownBy(
            () ->
                local
                    .operation(new MemoryRunRecordStore())
                    .build()
                    .run(onlyA().timeout(Duration.ofMinutes(20)).build()))
        .isInstanceOfSatisfying(
            BuildFailedException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains("failed at 'wait for build script'")
                  .contains("timed out")
                  .contains("last seen: running (step install)");
              assertThat(e).hasRootCauseInstanceOf(WaitTimeoutException.class);
              WaitTimeoutException timeout =
                  (WaitTimeoutException) org.assertj.core.util.Throwables.getRootCause(e);
              assertThat(timeout.lastState()).isEqualTo("running (step install)");
            });
    assertThat(triton.cloud().undeletedMachines()).isEmpty();
  }

  @Test
  void run_oneImageFails_theOtherFinishesAndAReRunRetriesOnlyTheFailedOne() {
    LocalTriton triton = TRITON.triton();
    LocalBuild local = new LocalBuild(triton, CLOCK);
    // Machine names end in the image's position in images.json; the first image's guest fails.
    triton.cloud().guest().behaveForName("-1", GuestBehaviour.failAt("install"));
    MemoryRunRecordStore store = new MemoryRunRecordStore();

    assertThatThrownBy(() -> local.operation(store).build().run(LocalBuild.request().build()))
        .isInstanceOf(BuildFailedException.class)
        .hasMessageContaining("1 of 2 images failed")
        .hasMessageContaining(
            "build of " + LocalBuild.IMAGE_A + " failed at 'wait for build script'")
        .hasMessageNotContaining("build of " + LocalBuild.IMAGE_B + " failed");
    BuildRecord afterFailure =
        RunRecord.parse(store.load().orElseThrow(), "test")
            .section(BuildRecord.SECTION, BuildRecord.class)
            .orElseThrow();
    assertThat(afterFailure.image(LocalBuild.IMAGE_B).orElseThrow().phase())
        .isEqualTo(ImagePhase.DONE);
    assertThat(triton.cloud().undeletedMachines()).isEmpty();

    triton.cloud().guest().reset();
    BuildResult result = local.operation(store).build().run(LocalBuild.request().build());

    assertThat(result.buildId()).isEqualTo(afterFailure.buildId());
    assertThat(result.images()).extracting(BuildResult.Image::uuid).doesNotContainNull();
    assertThat(result.images().get(1).uuid())
        .isEqualTo(afterFailure.image(LocalBuild.IMAGE_B).orElseThrow().imageId());
    assertThat(triton.requests().count("CreateMachine")).isEqualTo(3);
    assertThat(local.machines())
        .extracting(m -> (String) m.get("name"))
        .anyMatch(n -> n.endsWith("-1-2"));
  }
}
