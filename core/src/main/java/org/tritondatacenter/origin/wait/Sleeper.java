package org.tritondatacenter.origin.wait;

import java.time.Duration;

/** Pauses the calling thread: every wait and retry delay in core goes through a sleeper. */
@FunctionalInterface
public interface Sleeper {

  /**
   * Sleeps for {@code duration}; a zero or negative duration returns at once.
   *
   * @throws InterruptedException when the thread is interrupted before or while sleeping
   */
  void sleep(Duration duration) throws InterruptedException;

  /** Returns the sleeper that really pauses the thread. */
  static Sleeper system() {
    return SystemTime.INSTANCE;
  }
}
