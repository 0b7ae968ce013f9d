package org.tritondatacenter.origin.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tritondatacenter.origin.BuildFailedException;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.cloudapi.guest.GuestBehaviour;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

/** A failure injected in each phase ends the build naming the phase, and cleanup leaves nothing. */
class PhaseFailureTest {
  private static final ScaledClock CLOCK = ScaledClock.create(LocalBuild.SPEED);

  @RegisterExtension
  static final LocalTritonExtension TRITON =
      LocalTritonExtension.withOptions(LocalBuild.options(CLOCK, LocalBuild.IMAGES_JSON).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(TRITON);

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(
            "create machine",
            (Consumer<LocalTriton>)
                t ->
                    t.faults()
                        .add(
                            Fault.when(ServiceKind.CLOUDAPI, "CreateMachine")
                                .status(500, "InternalError", "injected provisioning failure")),
            "injected provisioning failure"),
        Arguments.of(
            "wait for machine running",
            (Consumer<LocalTriton>) t -> t.cloud().guest().behave(GuestBehaviour.crash()),
            "reached state failed"),
        Arguments.of(
            "wait for build script",
            (Consumer<LocalTriton>) t -> t.cloud().guest().behave(GuestBehaviour.failAt("update")),
            "failed at step update"),
        Arguments.of(
            "stop machine",
            (Consumer<LocalTriton>)
                t ->
                    t.faults()
                        .add(
                            Fault.when(ServiceKind.CLOUDAPI, "StopMachine")
                                .status(409, "InvalidState", "injected stop refusal")),
            "injected stop refusal"),
        Arguments.of(
            "create image",
            (Consumer<LocalTriton>)
                t ->
                    t.faults()
                        .add(
                            Fault.when(ServiceKind.CLOUDAPI, "CreateImageFromMachine")
                                .status(422, "ValidationFailed", "injected image refusal")),
            "injected image refusal"),
        Arguments.of(
            "wait for image active",
            (Consumer<LocalTriton>)
                t -> t.cloud().failNextImageCreation("PrepareImageDidNotRun", "injected prepare"),
            "PrepareImageDidNotRun"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void run_failureInPhase_namesPhaseAndImageAndCleansUp(
      String phase, Consumer<LocalTriton> inject, String detail) {
    LocalTriton triton = TRITON.triton();
    LocalBuild local = new LocalBuild(triton, CLOCK);
    inject.accept(triton);
    MemoryRunRecordStore store = new MemoryRunRecordStore();

    assertThatThrownBy(
            () ->
                local
                    .operation(store)
                    .build()
                    .run(LocalBuild.request().only(List.of(LocalBuild.IMAGE_A)).build()))
        .isInstanceOfSatisfying(
            BuildFailedException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains("build of " + LocalBuild.IMAGE_A + " failed at '" + phase + "'")
                  .contains(detail);
              assertThat(e.leftBehind()).isEmpty();
              secrets.record(e);
            });
    assertThat(local.machines()).allSatisfy(m -> assertThat(m).containsEntry("state", "deleted"));
    assertThat(triton.cloud().images()).noneMatch(i -> LocalBuild.IMAGE_A.equals(i.get("name")));
    BuildRecord record =
        org.tritondatacenter.origin.state.RunRecord.parse(store.load().orElseThrow(), "test")
            .section(BuildRecord.SECTION, BuildRecord.class)
            .orElseThrow();
    assertThat(record.status()).isEqualTo(BuildRecord.Status.FAILED);
    assertThat(record.image(LocalBuild.IMAGE_A).orElseThrow().phase()).isEqualTo(ImagePhase.FAILED);
  }
}
