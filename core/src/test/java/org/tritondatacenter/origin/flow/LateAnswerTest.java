package org.tritondatacenter.origin.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.wait.ManualClock;
import org.tritondatacenter.origin.wait.Waiter;

class LateAnswerTest {
  private final ManualClock clock = new ManualClock();
  private final List<Event> events = new CopyOnWriteArrayList<>();
  private final Waiter waiter = Waiter.create(clock, clock, events::add);
  private final AtomicInteger looks = new AtomicInteger();

  private Cleanup cleanup(Duration budget) {
    return new Cleanup(clock::now, budget, false, events::add);
  }

  @Test
  void await_madeOnTheThirdLook_returnsItThen() {
    Optional<String> found =
        LateAnswer.await(
            waiter,
            cleanup(Duration.ofMinutes(2)),
            "machine of an unanswered CreateMachine",
            "img",
            () -> looks.incrementAndGet() < 3 ? Optional.empty() : Optional.of("m-1"));

    assertThat(found).contains("m-1");
    assertThat(looks).hasValue(3);
    assertThat(clock.totalSlept()).isPositive().isLessThan(LateAnswer.WAIT);
    assertThat(events)
        .filteredOn(Event.Waiting.class::isInstance)
        .map(e -> ((Event.Waiting) e).resource())
        .containsOnly("machine of an unanswered CreateMachine");
  }

  @Test
  void await_neverMade_givesUpAfterTheWait() {
    Optional<String> found =
        LateAnswer.await(
            waiter,
            cleanup(Duration.ofMinutes(2)),
            "image",
            "img",
            () -> {
              looks.incrementAndGet();
              return Optional.empty();
            });

    assertThat(found).isEmpty();
    assertThat(looks.get()).isGreaterThan(1);
    assertThat(clock.totalSlept()).isEqualTo(LateAnswer.WAIT);
  }

  @Test
  void await_lessCleanupTimeLeftThanTheWait_looksOnlyThatLong() {
    Optional<String> found =
        LateAnswer.await(
            waiter, cleanup(Duration.ofSeconds(4)), "image", "img", Optional::<String>empty);

    assertThat(found).isEmpty();
    assertThat(clock.totalSlept()).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void await_cleanupTimeUsedUp_doesNotLook() {
    Cleanup spent = cleanup(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(2));

    Optional<String> found =
        LateAnswer.await(
            waiter,
            spent,
            "image",
            "img",
            () -> {
              looks.incrementAndGet();
              return Optional.of("too late");
            });

    assertThat(found).isEmpty();
    assertThat(looks).hasValue(0);
    assertThat(clock.totalSlept()).isZero();
  }
}
