package org.tritondatacenter.origin.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.WaitTimeoutException;
import org.tritondatacenter.origin.events.Event;

class WaiterTest {
  private final ManualClock clock = new ManualClock();
  private final List<Event> events = new ArrayList<>();
  private final Waiter waiter = Waiter.create(clock, clock, events::add);
  private final AtomicInteger polls = new AtomicInteger();

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  private static TritonApiException unavailable(Duration retryAfter) {
    return new TritonApiException(
        Service.CLOUDAPI, "GetMachine", 503, "ServiceUnavailable", "busy", "r1", retryAfter);
  }

  /** Polls that answer {@code state} after {@code readyAfter} of clock time, else provisioning. */
  private Supplier<String> machineReadyAfter(Duration readyAfter, String state) {
    Instant ready = clock.now().plus(readyAfter);
    return () -> {
      polls.incrementAndGet();
      return clock.now().isBefore(ready) ? "provisioning" : state;
    };
  }

  /** Polls that run {@code script} in order, then answer running. */
  @SafeVarargs
  private Supplier<String> scripted(Supplier<String>... script) {
    return scripted(List.of(script));
  }

  private Supplier<String> scripted(List<Supplier<String>> script) {
    return () -> {
      int n = polls.getAndIncrement();
      return n < script.size() ? script.get(n).get() : "running";
    };
  }

  private String await(Supplier<String> poll, Duration timeout) {
    return waiter
        .waitFor("machine", "m1", poll, s -> s)
        .until("running")
        .terminal("failed")
        .timeout(timeout)
        .await();
  }

  @Test
  void thirtyMinuteWait_onAManualClock_runsInMilliseconds() {
    long realStart = System.nanoTime();

    String state =
        await(machineReadyAfter(Duration.ofMinutes(29), "running"), Duration.ofMinutes(30));

    assertThat(state).isEqualTo("running");
    assertThat(Duration.between(ManualClock.DEFAULT_START, clock.now()))
        .isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - realStart)).isLessThan(1_000);
  }

  @Test
  void tenMinuteWait_costsAtMostFortyPolls_evenWithTheShortestJitter() {
    Waiter eager = waiter.withBackoff(Backoff.polling().withRandom(() -> 0.0));

    assertThatThrownBy(
            () ->
                eager
                    .waitFor(
                        "machine", "m1", machineReadyAfter(Duration.ofHours(1), "running"), s -> s)
                    .until("running")
                    .timeout(Duration.ofMinutes(10))
                    .await())
        .isInstanceOf(WaitTimeoutException.class);

    assertThat(polls.get()).isBetween(20, 40);
    assertThat(clock.totalSlept()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void terminalState_endsTheWaitAtOnce() {
    String state =
        await(
            () -> {
              polls.incrementAndGet();
              return "failed";
            },
            Duration.ofMinutes(30));

    assertThat(state).isEqualTo("failed");
    assertThat(polls.get()).isEqualTo(1);
    assertThat(clock.sleeps()).isEmpty();
  }

  @Test
  void deadline_throwsNamingTheLastStateSeen() {
    assertThatThrownBy(
            () -> await(machineReadyAfter(Duration.ofHours(2), "running"), Duration.ofMinutes(10)))
        .isInstanceOfSatisfying(
            WaitTimeoutException.class,
            e -> {
              assertThat(e.resource()).isEqualTo("machine");
              assertThat(e.id()).isEqualTo("m1");
              assertThat(e.lastState()).isEqualTo("provisioning");
              assertThat(e.elapsed()).isEqualTo(Duration.ofMinutes(10));
              assertThat(e)
                  .hasMessage(
                      "timed out after 600s waiting for machine m1 to reach [running]"
                          + " (last seen: provisioning)");
            });
  }

  @Test
  void transientErrors_uptoFiveInARow_areTolerated() {
    String state =
        await(
            scripted(
                () -> "provisioning",
                () -> {
                  throw unavailable(null);
                },
                () -> {
                  throw new TritonIoException("connection reset");
                },
                () -> {
                  throw unavailable(null);
                },
                () -> {
                  throw unavailable(null);
                },
                () -> {
                  throw new TritonIoException("read timed out");
                }),
            Duration.ofMinutes(30));

    assertThat(state).isEqualTo("running");
    assertThat(events)
        .filteredOn(Event.Warning.class::isInstance)
        .hasSize(5)
        .last()
        .asString()
        .contains("5 of 5 tolerated in a row", "read timed out");
  }

  @Test
  void sixthTransientErrorInARow_endsTheWaitWithThatError() {
    TritonIoException sixth = new TritonIoException("sixth");
    Supplier<String> failing =
        () -> {
          if (polls.incrementAndGet() == 6) {
            throw sixth;
          }
          throw unavailable(null);
        };

    assertThatThrownBy(() -> await(failing, Duration.ofMinutes(30))).isSameAs(sixth);
  }

  @Test
  void aSuccessfulPoll_resetsTheErrorCount() {
    List<Supplier<String>> script = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 5; i++) {
        script.add(
            () -> {
              throw unavailable(null);
            });
      }
      script.add(() -> "provisioning");
    }
    assertThat(await(scripted(script), Duration.ofHours(1))).isEqualTo("running");
  }

  @Test
  void nonTransientError_endsTheWaitAtOnce() {
    TritonApiException notFound =
        new TritonApiException(
            Service.CLOUDAPI, "GetMachine", 404, "ResourceNotFound", "gone", "r2");

    assertThatThrownBy(
            () ->
                await(
                    scripted(
                        () -> {
                          throw notFound;
                        }),
                    Duration.ofMinutes(30)))
        .isSameAs(notFound);
    assertThat(polls.get()).isEqualTo(1);
  }

  @Test
  void retryAfter_isWaitedForAtLeast() {
    await(
        scripted(
            () -> {
              throw unavailable(Duration.ofSeconds(45));
            }),
        Duration.ofMinutes(30));

    assertThat(clock.sleeps().get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void everyPoll_reportsWaitingWithTheLastState() {
    await(scripted(() -> "provisioning", () -> "provisioning"), Duration.ofMinutes(30));

    assertThat(events)
        .filteredOn(Event.Waiting.class::isInstance)
        .map(Event.Waiting.class::cast)
        .extracting(Event.Waiting::lastSeen)
        .containsExactly("provisioning", "provisioning", "running");
    assertThat(events.get(2))
        .isEqualTo(
            new Event.Waiting(
                "machine", "m1", java.util.Set.of("running"), "running", clock.totalSlept()));
  }

  @Test
  void noAnswerBeforeTheDeadline_saysSoAndKeepsTheLastError() {
    TritonIoException down = new TritonIoException("connection refused");

    assertThatThrownBy(
            () ->
                waiter
                    .withMaxConsecutiveErrors(1000)
                    .<String>waitFor(
                        "image",
                        "i1",
                        () -> {
                          throw down;
                        },
                        s -> s)
                    .until("active")
                    .timeout(Duration.ofMinutes(5))
                    .await())
        .isInstanceOf(WaitTimeoutException.class)
        .hasMessageContaining("(last seen: no answer)")
        .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(down));
  }

  @Test
  void interruptDuringAWait_endsItWithTheFlagSet() {
    Supplier<String> interrupting =
        () -> {
          if (polls.incrementAndGet() == 3) {
            Thread.currentThread().interrupt();
          }
          return "provisioning";
        };

    assertThatThrownBy(() -> await(interrupting, Duration.ofMinutes(30)))
        .isInstanceOf(OperationInterruptedException.class)
        .hasMessage(
            "interrupted while waiting for machine m1 to reach [running] (last seen: provisioning)");
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThat(polls.get()).isEqualTo(3);
  }

  @Test
  void realSleeper_interruptedFromAnotherThread_endsWithinASecond() throws Exception {
    Waiter real = Waiter.create(Clock.system(), Sleeper.system(), event -> {});
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean polled = new AtomicBoolean();
    Thread thread =
        new Thread(
            () -> {
              try {
                real.waitFor(
                        "machine",
                        "m1",
                        () -> {
                          polled.set(true);
                          return "provisioning";
                        },
                        s -> s)
                    .until("running")
                    .timeout(Duration.ofMinutes(10))
                    .await();
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    thread.start();
    while (!polled.get()) {
      Thread.onSpinWait();
    }
    long start = System.nanoTime();
    thread.interrupt();
    thread.join(5_000);

    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1_000);
    assertThat(thrown.get()).isInstanceOf(OperationInterruptedException.class);
  }

  @Test
  void scaledClock_runsATenMinuteWaitInAboutHalfASecond() {
    ScaledClock scaled = ScaledClock.create(1000);
    Waiter fast = Waiter.create(scaled, scaled, event -> {});
    Instant ready = scaled.now().plus(Duration.ofMinutes(10));
    long realStart = System.nanoTime();

    String state =
        fast.waitFor(
                "machine",
                "m1",
                () -> scaled.now().isBefore(ready) ? "provisioning" : "running",
                s -> s)
            .until("running")
            .timeout(Duration.ofMinutes(20))
            .await();

    assertThat(state).isEqualTo("running");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - realStart))
        .isBetween(600L, 5_000L);
  }

  @Test
  void missingWantedStatesOrTimeout_isAProgrammingError() {
    assertThatThrownBy(
            () ->
                waiter
                    .waitFor("machine", "m1", () -> "x", s -> s)
                    .timeout(Duration.ofMinutes(1))
                    .await())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no wanted states for machine m1");
    assertThatThrownBy(
            () -> waiter.waitFor("machine", "m1", () -> "x", s -> s).until("running").await())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no timeout for machine m1");
  }
}
