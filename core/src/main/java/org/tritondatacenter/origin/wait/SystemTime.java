package org.tritondatacenter.origin.wait;

import java.time.Duration;
import java.time.Instant;

/** The production clock and sleeper: the only place in core that reads real time or sleeps. */
enum SystemTime implements Clock, Sleeper {
  INSTANCE;

  @Override
  public Instant now() {
    return Instant.now();
  }

  @Override
  public java.time.Clock asJavaClock() {
    return java.time.Clock.systemUTC();
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("interrupted before sleeping");
    }
    if (duration.isNegative() || duration.isZero()) {
      return;
    }
    Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
  }

  @Override
  public String toString() {
    return "system time";
  }
}
