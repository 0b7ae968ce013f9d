package org.tritondatacenter.origin.wait;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A clock for multi-threaded tests in which time runs {@code factor} times faster than real time.
 *
 * <p>{@link #now()} is the start instant plus the real time elapsed since creation, multiplied by
 * the factor; {@link #sleep} really sleeps {@code duration / factor}. Threads therefore overlap as
 * they would in production, only faster: at 1000x a "10-minute" wait takes 0.6 s.
 */
public final class ScaledClock implements Clock, Sleeper {
  private final Instant start;
  private final long startNanos;
  private final long factor;

  private ScaledClock(Instant start, long factor) {
    this.start = Objects.requireNonNull(start, "start == null");
    if (factor < 1) {
      throw new IllegalArgumentException("factor < 1: " + factor);
    }
    this.factor = factor;
    this.startNanos = System.nanoTime();
  }

  /** Creates a clock starting now (real wall time) that runs {@code factor} times faster. */
  public static ScaledClock create(long factor) {
    return new ScaledClock(Instant.now(), factor);
  }

  /** Creates a clock starting at {@code start} that runs {@code factor} times faster. */
  public static ScaledClock startingAt(Instant start, long factor) {
    return new ScaledClock(start, factor);
  }

  /** Returns how many times faster than real time this clock runs. */
  public long factor() {
    return factor;
  }

  @Override
  public Instant now() {
    long realNanos = System.nanoTime() - startNanos;
    return start.plus(Duration.ofNanos(realNanos).multipliedBy(factor));
  }

  /** Really sleeps {@code duration / factor}. */
  @Override
  public void sleep(Duration duration) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("interrupted before sleeping");
    }
    if (duration.isNegative() || duration.isZero()) {
      return;
    }
    TimeUnit.NANOSECONDS.sleep(Math.max(1, duration.dividedBy(factor).toNanos()));
  }

  @Override
  public String toString() {
    return "ScaledClock[x" + factor + ", started " + start + "]";
  }
}
