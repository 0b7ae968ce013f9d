package org.tritondatacenter.origin.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tritondatacenter.origin.BuildFailedException;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.export.Export;
import org.tritondatacenter.origin.export.ExportSettings;
import org.tritondatacenter.origin.export.OriginPlatforms;
import org.tritondatacenter.origin.operations.LocalOps;
import org.tritondatacenter.origin.operations.RecordingListener;
import org.tritondatacenter.origin.operations.SimulatedCrash;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.state.RecordKeeper;
import org.tritondatacenter.origin.steps.ExportResult;
import org.tritondatacenter.origin.steps.PublishResult;
import org.tritondatacenter.origin.steps.PublishResult.Outcome;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

/** Each phase of publish failing, interrupted, dying in a crash or losing its answer. */
class PublishFailureTest {
  private static final ScaledClock CLOCK = ScaledClock.create(1000);

  @RegisterExtension
  static final LocalTritonExtension triton =
      LocalTritonExtension.withOptions(LocalOps.options(CLOCK).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(triton);

  /** A phase: the IMGAPI operation that carries it out and the task name errors give. */
  enum Phase {
    IMPORT("AdminImportImage", "import"),
    ADD_FILE("AddImageFile", "add file"),
    ACTIVATE("ActivateImage", "activate");

    final String operation;
    final String task;

    Phase(String operation, String task) {
      this.operation = operation;
      this.task = task;
    }
  }

  private LocalOps ops;
  private RecordingListener listener;
  private ExportResult exported;
  private String first;

  @BeforeEach
  void setUp(LocalTriton t) {
    ops = new LocalOps(t, CLOCK);
    listener = new RecordingListener();
    exported =
        new Export(
                ops.cloudApi(),
                ops.manta(),
                new OriginPlatforms(List.of(ops.updates())),
                CLOCK,
                listener)
            .run(
                ops.build(),
                ExportSettings.ofProject("triton-origin-image", true),
                new RecordKeeper(new MemoryRunRecordStore(), "memory"));
    first = exported.images().get(0).uuid();
  }

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  private PublishResult publish(LocalOps with, RecordKeeper record) {
    return new Publish(
            with.updates(),
            new PublishSettings("dev", FileSourceMode.STREAM, false),
            CLOCK,
            CLOCK,
            listener)
        .run(PublishSources.fromExport(exported, with.manta(), false), record);
  }

  private static RecordKeeper record() {
    return new RecordKeeper(new MemoryRunRecordStore(), "memory");
  }

  private void assertNothingHalfPublished() {
    assertThat(ops.triton().leakReport().isEmpty()).as("leak report").isTrue();
    assertThat(ops.triton().imgapi("updates").image(first)).isEmpty();
  }

  private void assertBothActive(PublishResult result) {
    assertThat(result.images())
        .extracting(PublishResult.Image::result)
        .containsOnly(Outcome.PUBLISHED);
    for (ExportResult.Image image : exported.images()) {
      assertThat(ops.triton().imgapi("updates").image(image.uuid()).orElseThrow())
          .containsEntry("state", "active");
    }
  }

  @ParameterizedTest
  @EnumSource(Phase.class)
  void publish_failureInPhase_deletesTheUnactivatedImageAndNamesThePhase(Phase phase) {
    ops.triton()
        .faults()
        .add(
            Fault.when(ServiceKind.IMGAPI, phase.operation)
                .status(422, "ValidationFailed", "simulated refusal"));
    RecordKeeper record = record();

    assertThatThrownBy(() -> publish(ops, record))
        .isInstanceOf(BuildFailedException.class)
        .hasMessageContaining("publish of triton-origin-x86_64-21.4.0@")
        .hasMessageContaining(first)
        .hasMessageContaining("failed at '" + phase.task + "'")
        .hasMessageContaining("simulated refusal");
    assertNothingHalfPublished();

    ops.triton().faults().clear();
    assertBothActive(publish(ops, record));
  }

  @ParameterizedTest
  @EnumSource(Phase.class)
  void publish_interruptedInPhase_deletesTheUnactivatedImage(Phase phase) {
    Thread operation = Thread.currentThread();
    AtomicBoolean fired = new AtomicBoolean();
    ops.triton()
        .faults()
        .add(
            Fault.when(ServiceKind.IMGAPI, phase.operation)
                .matching(
                    e -> {
                      if (fired.compareAndSet(false, true)) {
                        operation.interrupt();
                        return true;
                      }
                      return false;
                    })
                .delay(Duration.ofMillis(500))
                .status(503, "ServiceUnavailable", "too late"));

    assertThatThrownBy(() -> publish(ops, record()))
        .isInstanceOf(OperationInterruptedException.class)
        .hasMessageContaining("interrupted at '" + phase.task + "'");
    assertThat(Thread.interrupted()).isTrue();
    assertNothingHalfPublished();
    secrets.record(listener.text());
  }

  @ParameterizedTest
  @EnumSource(
      value = Phase.class,
      names = {"IMPORT", "ADD_FILE", "ACTIVATE"})
  void publish_crashRightAfterPhase_resumesWithoutDuplicates(Phase phase) {
    String saved =
        switch (phase) {
          case IMPORT -> "\"phase\" : \"imported\"";
          case ADD_FILE -> "\"phase\" : \"file-added\"";
          case ACTIVATE -> "\"phase\" : \"activated\"";
        };
    SimulatedCrash crash = new SimulatedCrash(json -> json.contains(saved));

    assertThatThrownBy(
            () -> publish(ops.crashing(crash), new RecordKeeper(crash.store(), "crashed")))
        .isInstanceOf(RuntimeException.class);
    assertThat(crash.crashed()).isTrue();
    assertThat(ops.triton().imgapi("updates").image(first)).isPresent();

    RecordKeeper resumed = new RecordKeeper(crash.savedRecord(), "saved");
    assertBothActive(publish(ops, resumed));
    assertThat(ops.triton().requests().count("AdminImportImage")).isEqualTo(2);
    assertThat(ops.triton().requests().count("ActivateImage")).isEqualTo(2);
    secrets.record(resumed.json());
  }

  @Test
  void publish_importAnswerLost_adoptsTheImportedImage() {
    ops.triton()
        .faults()
        .add(Fault.when(ServiceKind.IMGAPI, "AdminImportImage").dropResponse().times(1));

    assertBothActive(publish(ops, record()));
    assertThat(ops.triton().requests().count("AdminImportImage")).isEqualTo(2);
    assertThat(listener.events()).anyMatch(RecordingListener.info("already imported"));
  }

  @Test
  void publish_activateAnswerLost_checksTheServerAndCarriesOn() {
    ops.triton()
        .faults()
        .add(Fault.when(ServiceKind.IMGAPI, "ActivateImage").dropResponse().times(1));

    assertBothActive(publish(ops, record()));
    assertThat(ops.triton().requests().count("ActivateImage")).isEqualTo(2);
  }

  @Test
  void publish_leftoverUnactivatedImageWithFile_isActivatedOnRerun() {
    SimulatedCrash crash = new SimulatedCrash(json -> json.contains("\"file-added\""));
    assertThatThrownBy(
            () -> publish(ops.crashing(crash), new RecordKeeper(crash.store(), "crashed")))
        .isInstanceOf(RuntimeException.class);
    assertThat(ops.triton().imgapi("updates").image(first).orElseThrow())
        .containsEntry("state", "unactivated");
    int uploads = ops.triton().requests().count("AddImageFile");

    // A fresh record knows nothing; the image's own state says what is left to do: its file is
    // there, so only the second image's file is uploaded.
    PublishResult result = publish(ops, record());

    assertBothActive(result);
    assertThat(ops.triton().requests().count("AddImageFile")).isEqualTo(uploads + 1);
    assertThat(ops.triton().requests().count("AdminImportImage")).isEqualTo(2);
  }
}
