package org.tritondatacenter.origin.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tritondatacenter.origin.BuildFailedException;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.operations.LocalOps;
import org.tritondatacenter.origin.operations.RecordingListener;
import org.tritondatacenter.origin.operations.SimulatedCrash;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.state.RecordKeeper;
import org.tritondatacenter.origin.steps.BuildResult;
import org.tritondatacenter.origin.steps.ExportResult;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.http.Exchange;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

/** Each phase of export failing, interrupted, or dying in a crash, and what follows. */
class ExportFailureTest {
  private static final ScaledClock CLOCK = ScaledClock.create(1000);
  private static final String FIRST = "triton-origin-x86_64-21.4.0";

  @RegisterExtension
  static final LocalTritonExtension triton =
      LocalTritonExtension.withOptions(LocalOps.options(CLOCK).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(triton);

  /** A phase: the request that carries it out, and the task name errors give. */
  enum Phase {
    MKDIRP(ServiceKind.MANTA, "PutDirectory", e -> true, "mkdirp"),
    EXPORT(ServiceKind.CLOUDAPI, "ExportImage", e -> true, "export " + FIRST),
    REWRITE(
        ServiceKind.MANTA,
        "PutObject",
        e -> e.decodedPath().endsWith(".imgmanifest"),
        "rewrite manifest of " + FIRST),
    EXTRAS(
        ServiceKind.MANTA,
        "PutObject",
        e -> e.decodedPath().endsWith(".pkgs.txt"),
        "upload package list of " + FIRST),
    LATEST(
        ServiceKind.MANTA,
        "PutObject",
        e -> e.decodedPath().endsWith("-latest"),
        "write latest pointer");

    final ServiceKind kind;
    final String operation;
    final Predicate<Exchange> which;
    final String task;

    Phase(ServiceKind kind, String operation, Predicate<Exchange> which, String task) {
      this.kind = kind;
      this.operation = operation;
      this.which = which;
      this.task = task;
    }

    Fault fault() {
      return Fault.when(kind, operation).matching(which);
    }
  }

  private LocalOps ops;
  private RecordingListener listener;
  private BuildResult build;

  @BeforeEach
  void setUp(LocalTriton t) {
    ops = new LocalOps(t, CLOCK);
    listener = new RecordingListener();
    build = ops.build();
  }

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  private ExportResult run(LocalOps with, RecordKeeper record) {
    return new Export(
            with.cloudApi(),
            with.manta(),
            new OriginPlatforms(List.of(with.updates())),
            CLOCK,
            listener)
        .run(build, ExportSettings.ofProject("triton-origin-image", true), record);
  }

  private void assertNothingHalfWritten() {
    assertThat(ops.triton().manta().exists(ops.buildDir())).isFalse();
    assertThat(ops.triton().manta().exists(ops.projectDir() + "/master-latest")).isFalse();
    assertThat(ops.triton().cloud().images())
        .extracting(m -> m.get("uuid"))
        .contains(build.images().get(0).uuid(), build.images().get(1).uuid());
  }

  private void assertComplete(ExportResult result) {
    assertThat(result.images()).hasSize(2);
    assertThat(result.latest()).isNotNull();
    assertThat(ops.mantaText(result.latest()).trim()).isEqualTo(ops.buildDir());
    assertThat(ops.mantaText(ops.buildDir() + "/md5sums.txt").lines()).hasSize(8);
  }

  @ParameterizedTest
  @EnumSource(Phase.class)
  void export_failureInPhase_cleansUpNamesThePhaseAndRerunSucceeds(Phase phase) {
    Fault fault = phase.fault().status(403, "AuthorizationFailed", "simulated refusal");
    ops.triton().faults().add(fault);
    RecordKeeper record = new RecordKeeper(new MemoryRunRecordStore(), "memory");

    assertThatThrownBy(() -> run(ops, record))
        .isInstanceOf(BuildFailedException.class)
        .hasMessageContaining("export of " + ops.buildDir())
        .hasMessageContaining("failed at '" + phase.task + "'")
        .hasMessageContaining("simulated refusal");
    assertNothingHalfWritten();

    ops.triton().faults().clear();
    assertComplete(run(ops, record));
  }

  @ParameterizedTest
  @EnumSource(Phase.class)
  void export_interruptedInPhase_cleansUpAndSaysWhere(Phase phase) {
    Thread operation = Thread.currentThread();
    AtomicBoolean fired = new AtomicBoolean();
    ops.triton()
        .faults()
        .add(
            Fault.when(phase.kind, phase.operation)
                .matching(
                    e -> {
                      if (phase.which.test(e) && fired.compareAndSet(false, true)) {
                        operation.interrupt();
                        return true;
                      }
                      return false;
                    })
                .delay(Duration.ofMillis(500))
                .status(503, "ServiceUnavailable", "too late"));
    RecordKeeper record = new RecordKeeper(new MemoryRunRecordStore(), "memory");

    assertThatThrownBy(() -> run(ops, record))
        .isInstanceOf(OperationInterruptedException.class)
        .hasMessageContaining("interrupted at '" + phase.task + "'");
    assertThat(Thread.interrupted()).isTrue();
    assertNothingHalfWritten();
    secrets.record(listener.text());
  }

  /** A point right after which the process dies: a record change that is then saved. */
  enum CrashPoint {
    MKDIRP("\"dirCreated\" : true"),
    EXPORT("\"phase\" : \"exported\""),
    REWRITE("\"phase\" : \"rewritten\""),
    EXTRAS("\"phase\" : \"extras\""),
    BUILDINFO("\"buildinfo\" : true"),
    MD5SUMS("\"md5sums\" : true"),
    LATEST("\"latest\" : \"written\"");

    final String saved;

    CrashPoint(String saved) {
      this.saved = saved;
    }
  }

  @ParameterizedTest
  @EnumSource(CrashPoint.class)
  void export_crashRightAfterPhase_resumesWithoutRedoingWork(CrashPoint point) {
    SimulatedCrash crash = new SimulatedCrash(json -> json.contains(point.saved));

    assertThatThrownBy(
            () -> run(ops.crashing(crash), new RecordKeeper(crash.store(), "the crashed record")))
        .isInstanceOf(RuntimeException.class);
    assertThat(crash.crashed()).isTrue();

    RecordKeeper resumed = new RecordKeeper(crash.savedRecord(), "the saved record");
    ExportResult result = run(ops, resumed);

    assertComplete(result);
    assertThat(ops.triton().requests().count("ExportImage")).isEqualTo(2);
    for (ExportResult.Image image : result.images()) {
      assertThat(image.md5()).isEqualTo(ops.mantaMd5(image.file()));
    }
    secrets.record(resumed.json());
  }
}
