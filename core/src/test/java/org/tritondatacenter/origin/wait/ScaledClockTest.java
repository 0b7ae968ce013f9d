package org.tritondatacenter.origin.wait;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ScaledClockTest {

  @Test
  void sleep_ofTwoScaledMinutes_takesAboutOneHundredTwentyRealMilliseconds() throws Exception {
    ScaledClock clock = ScaledClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"), 1000);
    Instant start = clock.now();
    long realStart = System.nanoTime();

    clock.sleep(Duration.ofMinutes(2));

    long realMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - realStart);
    Duration scaled = Duration.between(start, clock.now());
    assertThat(realMillis).isBetween(120L, 2_000L);
    assertThat(scaled).isGreaterThanOrEqualTo(Duration.ofMinutes(2));
    assertThat(scaled).isLessThan(Duration.ofMinutes(2).plus(Duration.ofSeconds(realMillis)));
  }

  @Test
  void threads_overlapOnTheScaledTimeline() throws Exception {
    // 100 scaled seconds are 2 real seconds here: long enough that thread start-up on a busy
    // machine is small beside the difference between overlapping (100 s) and serial (300 s).
    ScaledClock clock = ScaledClock.create(50);
    Instant start = clock.now();
    Thread[] threads = new Thread[3];
    for (int i = 0; i < threads.length; i++) {
      threads[i] =
          new Thread(
              () -> {
                try {
                  clock.sleep(Duration.ofSeconds(100));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      threads[i].start();
    }
    for (Thread t : threads) {
      t.join(30_000);
    }

    // Three parallel 100 s sleeps take about 100 s of scaled time, not 300 s.
    assertThat(Duration.between(start, clock.now()))
        .isBetween(Duration.ofSeconds(100), Duration.ofSeconds(290));
  }

  @Test
  void asJavaClock_followsTheScaledTime() throws Exception {
    ScaledClock clock = ScaledClock.startingAt(Instant.parse("2030-01-01T00:00:00Z"), 1000);

    Instant viewed = clock.asJavaClock().instant();

    assertThat(viewed).isBetween(Instant.parse("2030-01-01T00:00:00Z"), clock.now());
    assertThat(clock.factor()).isEqualTo(1000);
  }
}
