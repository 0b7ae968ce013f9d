package org.tritondatacenter.origin.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.state.RunRecord;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

/**
 * An interrupt of the calling thread (a Jenkins abort, Ctrl-C) in each phase stops the build, runs
 * cleanup and is rethrown, naming the phase and the image.
 */
class PhaseInterruptTest {
  private static final ScaledClock CLOCK = ScaledClock.create(LocalBuild.SPEED);

  @RegisterExtension
  static final LocalTritonExtension TRITON =
      LocalTritonExtension.withOptions(LocalBuild.options(CLOCK, LocalBuild.IMAGES_JSON).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(TRITON);

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  /**
   * Interrupts {@code caller} when {@code phase} starts, and holds the image's thread there until
   * the build passes the interrupt on to it, so the interrupt lands in that phase.
   */
  private static EventListener interruptAt(String phase, Thread caller) {
    AtomicBoolean fired = new AtomicBoolean();
    return event -> {
      if (event instanceof Event.PhaseStarted started
          && started.phase().equals(phase)
          && fired.compareAndSet(false, true)) {
        caller.interrupt();
        try {
          new CountDownLatch(1).await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "create machine",
        "wait for machine running",
        "wait for build script",
        "stop machine",
        "create image",
        "wait for image active"
      })
  void run_interruptInPhase_cleansUpAndRethrows(String phase) {
    LocalBuild local = new LocalBuild(TRITON.triton(), CLOCK);
    MemoryRunRecordStore store = new MemoryRunRecordStore();
    EventListener interrupter = interruptAt(phase, Thread.currentThread());
    EventListener both =
        e -> {
          local.events.add(e);
          interrupter.on(e);
        };

    assertThatThrownBy(
            () ->
                local
                    .operation(store)
                    .listener(both)
                    .build()
                    .run(LocalBuild.request().only(List.of(LocalBuild.IMAGE_A)).build()))
        .isInstanceOfSatisfying(
            OperationInterruptedException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains("interrupted")
                  .contains(
                      "build of " + LocalBuild.IMAGE_A + " was interrupted at '" + phase + "'");
              secrets.record(e);
            });

    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThat(local.machines()).allSatisfy(m -> assertThat(m).containsEntry("state", "deleted"));
    assertThat(TRITON.triton().cloud().images())
        .noneMatch(i -> LocalBuild.IMAGE_A.equals(i.get("name")));
    BuildRecord record =
        RunRecord.parse(store.load().orElseThrow(), "test")
            .section(BuildRecord.SECTION, BuildRecord.class)
            .orElseThrow();
    assertThat(record.image(LocalBuild.IMAGE_A).orElseThrow().machineId()).isNull();
  }
}
