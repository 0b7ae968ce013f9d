package org.tritondatacenter.origin.wait;

import java.time.Instant;

/**
 * A source of the current instant for durations, deadlines and backoff.
 *
 * <p>Core reads time only through this interface, so tests can substitute a {@link ManualClock} or
 * a {@link ScaledClock}. HTTP {@code Date} headers are the one exception: they always use real wall
 * time, because a server checks them against its own clock.
 */
public interface Clock {

  /** Returns the current instant of this clock. */
  Instant now();

  /**
   * Returns a {@link java.time.Clock} in UTC that reads this clock, for code that accepts only the
   * JDK type (testkit does, so a test can hand the same time source to both).
   */
  default java.time.Clock asJavaClock() {
    return new JavaClockView(this, java.time.ZoneOffset.UTC);
  }

  /** Returns the system clock, which reads real wall time. */
  static Clock system() {
    return SystemTime.INSTANCE;
  }
}
