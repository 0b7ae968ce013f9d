package org.tritondatacenter.origin.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.BuildFailedException;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.events.Event;

class TaskRunnerTest {
  private final List<String> calls = new ArrayList<>();
  private final List<Event> events = new CopyOnWriteArrayList<>();
  private final TaskRunner<List<String>> runner =
      new TaskRunner<>("build", "img", Instant::now, Duration.ofSeconds(30), events::add);

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  private Task<List<String>> task(String name, boolean fail) {
    return new Task<>() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void run(List<String> log) {
        log.add("run " + name);
        if (fail) {
          throw new IllegalStateException(name + " broke");
        }
      }

      @Override
      public void cleanup(List<String> log, Cleanup cleanup) {
        log.add("cleanup " + name + (cleanup.succeeded() ? " after success" : " after failure"));
      }
    };
  }

  @Test
  void run_whenAllSucceed_cleansUpInReverseOrderAfterSuccess() {
    List<String> left = runner.run(List.of(task("a", false), task("b", false)), calls);

    assertThat(left).isEmpty();
    assertThat(calls)
        .containsExactly("run a", "run b", "cleanup b after success", "cleanup a after success");
    assertThat(events).first().isEqualTo(new Event.PhaseStarted("build", "img"));
    assertThat(events)
        .last()
        .isInstanceOfSatisfying(Event.PhaseFinished.class, e -> assertThat(e.ok()).isTrue());
  }

  @Test
  void run_whenATaskFails_cleansUpStartedTasksIncludingTheFailingOne() {
    assertThatThrownBy(
            () -> runner.run(List.of(task("a", false), task("b", true), task("c", false)), calls))
        .isInstanceOf(BuildFailedException.class)
        .hasMessage("build of img failed at 'b': b broke")
        .hasCauseInstanceOf(IllegalStateException.class);

    assertThat(calls)
        .containsExactly("run a", "run b", "cleanup b after failure", "cleanup a after failure");
  }

  @Test
  void run_whenCleanupFails_keepsTheOriginalErrorAndGoesOn() {
    Task<List<String>> badCleanup =
        new Task<>() {
          @Override
          public String name() {
            return "create machine";
          }

          @Override
          public void run(List<String> log) {
            log.add("run create");
          }

          @Override
          public void cleanup(List<String> log, Cleanup cleanup) {
            cleanup.leftBehind("delete machine", "machine m-1", "triton instance rm m-1");
            throw new IllegalStateException("delete refused");
          }
        };

    assertThatThrownBy(
            () -> runner.run(List.of(task("first", false), badCleanup, task("x", true)), calls))
        .isInstanceOfSatisfying(
            BuildFailedException.class,
            e -> {
              assertThat(e.getCause()).hasMessage("x broke");
              assertThat(e.getSuppressed())
                  .singleElement()
                  .satisfies(s -> assertThat(s).hasMessage("delete refused"));
              assertThat(e.leftBehind())
                  .containsExactly("machine m-1 (remove with: triton instance rm m-1)");
              assertThat(e.getMessage()).contains("left behind: machine m-1");
            });
    assertThat(calls).contains("cleanup first after failure");
  }

  @Test
  void run_whenInterrupted_cleansUpWithTheFlagClearedThenRestoresIt() {
    List<Boolean> interruptedDuringCleanup = new ArrayList<>();
    Task<List<String>> waiting =
        new Task<>() {
          @Override
          public String name() {
            return "wait";
          }

          @Override
          public void run(List<String> log) {
            Thread.currentThread().interrupt();
            throw new OperationInterruptedException("wait interrupted");
          }

          @Override
          public void cleanup(List<String> log, Cleanup cleanup) {
            interruptedDuringCleanup.add(Thread.currentThread().isInterrupted());
          }
        };

    assertThatThrownBy(() -> runner.run(List.of(waiting), calls))
        .isInstanceOf(OperationInterruptedException.class)
        .hasMessageContaining("interrupted at 'wait'");

    assertThat(interruptedDuringCleanup).containsExactly(false);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }
}
