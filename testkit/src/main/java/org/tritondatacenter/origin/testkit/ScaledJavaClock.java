package org.tritondatacenter.origin.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A {@link Clock} that runs {@code factor} times faster than real time from the moment it is
 * created. The standalone mode's {@code --time-scale} uses it for simulated durations only;
 * signature dates are always checked against real time.
 */
public final class ScaledJavaClock extends Clock {
  private final Instant start;
  private final long startNanos;
  private final double factor;
  private final ZoneId zone;

  private ScaledJavaClock(Instant start, long startNanos, double factor, ZoneId zone) {
    this.start = start;
    this.startNanos = startNanos;
    this.factor = factor;
    this.zone = zone;
  }

  /** Creates a clock that starts at real "now" and runs {@code factor} times faster. */
  public static ScaledJavaClock create(double factor) {
    if (!(factor > 0)) {
      throw new IllegalArgumentException("time scale must be positive: " + factor);
    }
    return new ScaledJavaClock(Instant.now(), System.nanoTime(), factor, ZoneOffset.UTC);
  }

  /** Returns how many times faster than real time this clock runs. */
  public double factor() {
    return factor;
  }

  @Override
  public Instant instant() {
    long realNanos = System.nanoTime() - startNanos;
    return start.plus(Duration.ofNanos((long) (realNanos * factor)));
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new ScaledJavaClock(start, startNanos, factor, zone);
  }
}
