package org.tritondatacenter.origin.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds images on a pool of {@code concurrency} threads. One image failing never stops the others;
 * an interrupt of the calling thread (a Jenkins abort, Ctrl-C) interrupts every build, waits until
 * each has cleaned up, and is then reported to the caller.
 */
final class ParallelBuilds {
  private static final AtomicInteger POOLS = new AtomicInteger();

  /**
   * The outcomes of a run.
   *
   * @param outcomes one per image that started, in the order of the jobs
   * @param notStarted the images that never started because of an interrupt
   * @param interrupted true when the calling thread was interrupted
   */
  record Result(
      List<ImageBuilder.Outcome> outcomes, List<ImageJob> notStarted, boolean interrupted) {}

  private ParallelBuilds() {}

  static Result run(List<ImageJob> jobs, int concurrency) {
    Map<ImageJob, ImageBuilder.Outcome> done = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency, threads());
    for (ImageJob job : jobs) {
      pool.execute(() -> done.put(job, ImageBuilder.build(job)));
    }
    pool.shutdown();
    boolean interrupted = false;
    while (true) {
      try {
        // No deadline of its own: each build keeps one, and its cleanup another.
        if (pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS)) {
          break;
        }
      } catch (InterruptedException e) {
        if (!interrupted) {
          interrupted = true;
          // Interrupts the running builds, which clean up; queued ones never start.
          pool.shutdownNow();
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    List<ImageBuilder.Outcome> outcomes = new ArrayList<>();
    List<ImageJob> notStarted = new ArrayList<>();
    for (ImageJob job : jobs) {
      ImageBuilder.Outcome outcome = done.get(job);
      if (outcome == null) {
        notStarted.add(job);
      } else {
        outcomes.add(outcome);
      }
    }
    return new Result(outcomes, notStarted, interrupted);
  }

  private static ThreadFactory threads() {
    int pool = POOLS.incrementAndGet();
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, "triton-origin-build-" + pool + "-" + count.incrementAndGet());
      // The calling thread waits for every build; a daemon never keeps a dying JVM alive.
      t.setDaemon(true);
      return t;
    };
  }
}
