package org.tritondatacenter.origin.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ManualClockTest {

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void sleep_advancesTheClockAtOnceAndIsRecorded() throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));

    clock.sleep(Duration.ofMinutes(30));
    clock.advance(Duration.ofSeconds(5));
    clock.sleep(Duration.ofSeconds(2));

    assertThat(clock.now()).isEqualTo(Instant.parse("2026-03-01T10:30:07Z"));
    assertThat(clock.sleeps()).containsExactly(Duration.ofMinutes(30), Duration.ofSeconds(2));
    assertThat(clock.totalSlept()).isEqualTo(Duration.ofSeconds(1802));
  }

  @Test
  void sleep_onAnInterruptedThread_throwsAndDoesNotAdvance() {
    ManualClock clock = new ManualClock();
    Thread.currentThread().interrupt();

    assertThatThrownBy(() -> clock.sleep(Duration.ofSeconds(1)))
        .isInstanceOf(InterruptedException.class);
    assertThat(clock.now()).isEqualTo(ManualClock.DEFAULT_START);
  }

  @Test
  void advance_negative_isRefused() {
    assertThatThrownBy(() -> new ManualClock().advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void asJavaClock_readsTheManualTime() {
    ManualClock clock = new ManualClock();
    java.time.Clock view = clock.asJavaClock();

    clock.advance(Duration.ofHours(1));

    assertThat(view.instant()).isEqualTo(ManualClock.DEFAULT_START.plus(Duration.ofHours(1)));
    assertThat(view.millis()).isEqualTo(clock.now().toEpochMilli());
    assertThat(view.withZone(java.time.ZoneId.of("Europe/Berlin")).instant())
        .isEqualTo(clock.now());
  }

  @Test
  void system_readsRealTime() {
    Instant before = Instant.now();
    Instant now = Clock.system().now();

    assertThat(now).isBetween(before, Instant.now());
    assertThat(Clock.system().asJavaClock().getZone()).isEqualTo(java.time.ZoneOffset.UTC);
  }
}
