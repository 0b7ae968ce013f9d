package org.tritondatacenter.origin.wait;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A clock for single-threaded tests: it moves only when the test calls {@link #advance} or when
 * code under test sleeps, and a sleep advances it instantly.
 *
 * <p>It records every sleep, so a test can assert on the delays a retry or a wait chose. A sleep on
 * an interrupted thread throws {@link InterruptedException}, like a real one.
 */
public final class ManualClock implements Clock, Sleeper {
  /** The instant a clock created with {@link #ManualClock()} starts at. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

  private Instant now;
  private Duration slept = Duration.ZERO;
  private final List<Duration> sleeps = new ArrayList<>();

  /** Creates a clock that starts at {@link #DEFAULT_START}. */
  public ManualClock() {
    this(DEFAULT_START);
  }

  /** Creates a clock that starts at {@code start}. */
  public ManualClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start == null");
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  /** Moves the clock forward by {@code duration}, which must not be negative. */
  public synchronized void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration < 0: " + duration);
    }
    now = now.plus(duration);
  }

  /** Advances the clock by {@code duration} at once, recording the sleep. */
  @Override
  public void sleep(Duration duration) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("interrupted before sleeping");
    }
    synchronized (this) {
      Duration effective = duration.isNegative() ? Duration.ZERO : duration;
      sleeps.add(effective);
      slept = slept.plus(effective);
      now = now.plus(effective);
    }
  }

  /** Returns the total time slept so far. */
  public synchronized Duration totalSlept() {
    return slept;
  }

  /** Returns every sleep so far, in order. */
  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  @Override
  public synchronized String toString() {
    return "ManualClock[" + now + ", slept " + slept + "]";
  }
}
