package org.tritondatacenter.origin.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.tritondatacenter.origin.OperationInterruptedException;

/**
 * Turns Ctrl-C into a thread interrupt of the work in progress, so core stops waiting, runs its
 * cleanup and throws {@link OperationInterruptedException}; the command then reports it and the
 * process exits with 130.
 *
 * <p>The JVM runs shutdown hooks on SIGINT. {@link Main} installs one that calls {@link #trigger()}
 * and then waits, within a bound, for the command to finish reporting: a second Ctrl-C cannot cut
 * that short, and the state file is written atomically in any case. Tests call {@link #trigger()}
 * directly.
 */
public final class Interruption {
  private final Object lock = new Object();
  private final CountDownLatch finished = new CountDownLatch(1);
  private Thread worker;
  private boolean triggered;

  /**
   * Runs {@code work} on the calling thread as the work Ctrl-C interrupts.
   *
   * @throws OperationInterruptedException when Ctrl-C came before the work started
   */
  public <T> T guard(Supplier<T> work) {
    synchronized (lock) {
      if (triggered) {
        throw new OperationInterruptedException("interrupted before the operation started");
      }
      worker = Thread.currentThread();
    }
    try {
      return work.get();
    } finally {
      synchronized (lock) {
        worker = null;
        lock.notifyAll();
      }
      // An interrupt that arrived as the work ended must not leak into the next command.
      Thread.interrupted();
    }
  }

  /** Interrupts the guarded work, if any; later guarded work is refused. */
  public void trigger() {
    synchronized (lock) {
      triggered = true;
      if (worker != null) {
        worker.interrupt();
      }
    }
  }

  /** Marks the command as finished: its result or error is printed. */
  public void finish() {
    finished.countDown();
  }

  /**
   * Waits until the guarded work has ended and the command has finished reporting, at most {@code
   * timeout}.
   *
   * @return true when it finished in time
   */
  public boolean awaitFinished(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      synchronized (lock) {
        if (worker == null) {
          // Nothing to clean up: do not hold the exit for a command that only reads.
          return true;
        }
        while (worker != null) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return false;
          }
          TimeUnit.NANOSECONDS.timedWait(lock, left);
        }
      }
      return finished.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
