package org.tritondatacenter.origin.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tritondatacenter.origin.BuildFailedException;
import org.tritondatacenter.origin.cloudapi.ImageState;
import org.tritondatacenter.origin.operations.SimulatedCrash;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.state.RunRecord;
import org.tritondatacenter.origin.steps.BuildResult;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

/**
 * A crash right after each phase, resumed from the record saved at that moment, finishes the build
 * with one machine and one image: the resumed run adopts what the dead one made.
 */
class CrashResumeTest {
  private static final ScaledClock CLOCK = ScaledClock.create(LocalBuild.SPEED);

  @RegisterExtension
  static final LocalTritonExtension TRITON =
      LocalTritonExtension.withOptions(LocalBuild.options(CLOCK, LocalBuild.IMAGES_JSON).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(TRITON);

  /** The phase recorded right after each phase of the build finished. */
  @ParameterizedTest(name = "crash when the record reaches {0}")
  @EnumSource(
      value = ImagePhase.class,
      names = {"WAIT_RUNNING", "WAIT_GUEST", "STOP", "CREATE_IMAGE", "WAIT_IMAGE", "DONE"})
  void run_resumedAfterCrash_finishesWithoutDuplicates(ImagePhase reached) {
    crashThenResume(afterPhase(reached));
  }

  /**
   * The process dies after CreateMachine or CreateImageFromMachine answered but before the id was
   * saved: the resumed run finds the machine by its tags, the image by name, version and build.
   */
  @ParameterizedTest(name = "crash before saving {0}")
  @EnumSource(
      value = ImagePhase.class,
      names = {"WAIT_RUNNING", "WAIT_IMAGE"})
  void run_resumedAfterCrashBeforeSavingAnId_adoptsWhatWasMade(ImagePhase unsaved) {
    crashThenResume(beforeSaving(unsaved));
  }

  /** Crashes once an image's record reaches {@code phase}, that record saved. */
  private static SimulatedCrash afterPhase(ImagePhase phase) {
    return new SimulatedCrash(reaches(phase), true);
  }

  /**
   * Crashes just before an image's record reaching {@code phase} is saved: the service answered,
   * and the answer died with the process.
   */
  private static SimulatedCrash beforeSaving(ImagePhase phase) {
    return new SimulatedCrash(reaches(phase), false);
  }

  private static Predicate<String> reaches(ImagePhase phase) {
    String marker = "\"phase\" : \"" + phase + "\"";
    return json -> json.contains(marker);
  }

  private void crashThenResume(SimulatedCrash crash) {
    LocalTriton triton = TRITON.triton();
    LocalBuild working = new LocalBuild(triton, CLOCK);
    LocalBuild dying = working.through(crash.httpClient());

    assertThatThrownBy(
            () ->
                dying
                    .operation(crash.store())
                    .build()
                    .run(LocalBuild.request().only(List.of(LocalBuild.IMAGE_A)).build()))
        .isInstanceOf(BuildFailedException.class)
        .hasRootCauseInstanceOf(SimulatedCrash.Died.class);
    assertThat(crash.crashed()).isTrue();
    assertThat(triton.cloud().undeletedMachines()).hasSize(1);

    MemoryRunRecordStore saved = crash.savedRecord();
    BuildRecord before =
        RunRecord.parse(saved.load().orElseThrow(), "saved")
            .section(BuildRecord.SECTION, BuildRecord.class)
            .orElseThrow();
    BuildResult result =
        working
            .operation(saved)
            .build()
            .run(LocalBuild.request().only(List.of(LocalBuild.IMAGE_A)).build());

    assertThat(result.buildId()).isEqualTo(before.buildId());
    assertThat(triton.requests().count("CreateMachine")).isEqualTo(1);
    assertThat(triton.requests().count("CreateImageFromMachine")).isEqualTo(1);
    assertThat(triton.cloud().undeletedMachines()).isEmpty();
    BuildResult.Image image = result.images().get(0);
    assertThat(working.cloudApi().getImage(image.uuid()).state()).isEqualTo(ImageState.ACTIVE);
    assertThat(image.pkgs()).contains("curl-8.6.0");
    assertThat(triton.cloud().images())
        .filteredOn(i -> LocalBuild.IMAGE_A.equals(i.get("name")))
        .hasSize(1);
  }
}
