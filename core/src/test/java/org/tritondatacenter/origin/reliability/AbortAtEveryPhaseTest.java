package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.build.BuildRecord;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.state.FileRunRecordStore;
import org.tritondatacenter.origin.state.RunRecord;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.SimulatedTimings;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

/**
 * R21: an abort (a Jenkins abort or Ctrl-C interrupting the thread) while a request of each phase
 * is in flight stops the phase within a second, even though the server holds the request; cleanup
 * then removes the machine and any half-made image well inside Jenkins' one-minute grace, even one
 * the server makes after the client gave up on the create call. A second interrupt during cleanup
 * neither cuts it short nor leaves half a state file.
 */
class AbortAtEveryPhaseTest {
  /**
   * Slower than the other build tests, so the few simulated seconds cleanup looks for a machine or
   * image the server makes after the abort are real milliseconds enough. The datacenter does
   * everything at once but make images, which stay {@code creating} long enough to be aborted.
   */
  private static final ScaledClock CLOCK = ScaledClock.create(50);

  @RegisterExtension
  static final LocalTritonExtension TRITON =
      LocalTritonExtension.withOptions(
          Seeds.options(CLOCK)
              .timings(
                  new SimulatedTimings(
                      Duration.ZERO,
                      Duration.ZERO,
                      Duration.ZERO,
                      Duration.ofMinutes(10),
                      Duration.ZERO))
              .build());

  @TempDir Path temp;

  static Stream<Arguments> phases() {
    return Stream.of(
        Arguments.of("create machine", "CreateMachine"),
        Arguments.of("wait for machine running", "GetMachine"),
        Arguments.of("wait for build script", "GetMachineMetadata"),
        Arguments.of("stop machine", "StopMachine"),
        Arguments.of("create image", "CreateImageFromMachine"),
        Arguments.of("wait for image active", "GetImage"));
  }

  /** A build on its own thread, whose request of one phase the server holds until released. */
  private final class Run {
    final LocalTriton triton = TRITON.triton();
    final Rig rig = Rig.on(triton, CLOCK, CLOCK);
    final Path stateFile = temp.resolve("state.json");
    final CountDownLatch held = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final Map<String, Long> seen = new ConcurrentHashMap<>();
    final AtomicReference<String> phase = new AtomicReference<>();
    final AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread worker;

    private final String heldPhase;

    Run(String heldPhase, String operation) {
      this.heldPhase = heldPhase;
      AtomicBoolean fired = new AtomicBoolean();
      triton
          .faults()
          .add(
              Fault.when(ServiceKind.CLOUDAPI, operation)
                  .matching(
                      exchange -> {
                        if (heldPhase.equals(phase.get()) && !fired.getAndSet(true)) {
                          held.countDown();
                          await(release);
                        }
                        return false;
                      }));
    }

    void start() {
      EventListener listener =
          event -> {
            rig.events.on(event);
            if (event instanceof Event.PhaseStarted started && !started.phase().equals("build")) {
              phase.set(started.phase());
            }
            seen.putIfAbsent(key(event), System.nanoTime());
            if (event instanceof Event.PhaseFinished f && f.phase().equals(heldPhase)) {
              // The server finishes the request it held, after the client gave up on it.
              release.countDown();
            }
          };
      worker =
          new Thread(
              () -> {
                try (FileRunRecordStore store = FileRunRecordStore.open(stateFile)) {
                  Builds.operation(rig, CLOCK, store)
                      .listener(listener)
                      .cleanupTimeout(Duration.ofMinutes(10))
                      .build()
                      .run(Builds.request().build());
                } catch (Throwable t) {
                  thrown.set(t);
                }
              },
              "aborted build");
      worker.start();
    }
  }

  private static String key(Event event) {
    if (event instanceof Event.PhaseFinished f) {
      return "finished " + f.phase() + " " + f.ok();
    }
    if (event instanceof Event.Cleanup c) {
      return "cleanup " + c.action();
    }
    return event.getClass().getSimpleName();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("phases")
  void build_interruptedInPhase_stopsWithinASecondAndCleansUpWithinAMinute(
      String phase, String operation) throws Exception {
    Run run = new Run(phase, operation);
    run.start();
    assertThat(run.held.await(30, TimeUnit.SECONDS)).as("the server holds " + operation).isTrue();

    long interrupted = System.nanoTime();
    run.worker.interrupt();
    waitFor(run.seen, "finished " + phase + " false");
    long stopped = run.seen.get("finished " + phase + " false");
    run.worker.join(60_000);

    assertThat(run.worker.isAlive()).isFalse();
    assertThat(Duration.ofNanos(stopped - interrupted))
        .as("the phase stopped after the interrupt")
        .isLessThan(Duration.ofSeconds(1));
    assertThat(Duration.ofNanos(System.nanoTime() - interrupted))
        .as("interrupt to the end of cleanup")
        .isLessThan(Duration.ofSeconds(30));
    assertThat(run.thrown.get())
        .isInstanceOf(OperationInterruptedException.class)
        .hasMessageContaining("was interrupted at '" + phase + "'");
    assertThat(run.triton.cloud().undeletedMachines()).isEmpty();
    assertThat(run.triton.cloud().images()).noneMatch(i -> Seeds.IMAGE.equals(i.get("name")));
    assertThat(RunRecord.parse(Files.readString(run.stateFile), "state file")).isNotNull();
  }

  private static void waitFor(Map<String, Long> seen, String key) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!seen.containsKey(key) && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(seen).containsKey(key);
  }

  @org.junit.jupiter.api.Test
  void build_secondInterruptDuringCleanup_cleanupGoesOnAndTheStateFileIsWhole() throws Exception {
    Run run = new Run("wait for machine running", "GetMachine");
    CountDownLatch deleting = new CountDownLatch(1);
    CountDownLatch answer = new CountDownLatch(1);
    run.triton
        .faults()
        .add(
            Fault.when(ServiceKind.CLOUDAPI, "DeleteMachine")
                .matching(
                    exchange -> {
                      deleting.countDown();
                      await(answer);
                      return false;
                    }));
    run.start();
    assertThat(run.held.await(30, TimeUnit.SECONDS)).isTrue();

    run.worker.interrupt();
    assertThat(deleting.await(30, TimeUnit.SECONDS)).as("cleanup deletes the machine").isTrue();
    run.worker.interrupt();
    run.worker.join(300);
    assertThat(run.worker.isAlive()).as("the second interrupt does not cut cleanup short").isTrue();
    answer.countDown();
    run.worker.join(60_000);

    assertThat(run.worker.isAlive()).isFalse();
    assertThat(run.thrown.get())
        .isInstanceOf(OperationInterruptedException.class)
        .hasMessageContaining("every image cleaned up");
    assertThat(run.triton.cloud().undeletedMachines()).isEmpty();
    RunRecord saved = RunRecord.parse(Files.readString(run.stateFile), "state file");
    assertThat(
            saved
                .section(BuildRecord.SECTION, BuildRecord.class)
                .orElseThrow()
                .image(Seeds.IMAGE)
                .orElseThrow()
                .machineId())
        .as("the record says the machine is gone")
        .isNull();
    try (Stream<Path> files = Files.list(temp)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no half-written temporary state file")
          .containsExactlyInAnyOrder("state.json", "state.json.lock");
    }
  }
}
