package org.tritondatacenter.origin.testsupport;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a body on its own thread and records how it ended, so a test can interrupt a call in the
 * middle and then check what it threw and whether the interrupt flag survived.
 */
public final class InterruptibleWorker {
  /** What the body threw, or null. */
  public final AtomicReference<Throwable> thrown = new AtomicReference<>();

  /** Whether the thread's interrupt flag was set when the body ended. */
  public final AtomicBoolean flagAfter = new AtomicBoolean();

  /** The thread running the body. */
  public final Thread thread;

  /** Starts {@code body} on a new thread. */
  public InterruptibleWorker(Runnable body) {
    thread =
        new Thread(
            () -> {
              try {
                body.run();
              } catch (Throwable t) {
                thrown.set(t);
              } finally {
                flagAfter.set(Thread.currentThread().isInterrupted());
              }
            },
            "worker-under-test");
    thread.start();
  }

  /** Interrupts the worker and returns how long it took to end, in milliseconds. */
  public long interruptAndJoin() throws InterruptedException {
    long start = System.nanoTime();
    thread.interrupt();
    thread.join(5_000);
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }
}
