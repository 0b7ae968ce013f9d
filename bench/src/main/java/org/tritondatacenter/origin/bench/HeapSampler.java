package org.tritondatacenter.origin.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * Samples the heap of this JVM while a transfer runs. Two figures come out: the most heap ever in
 * use (live objects plus garbage not yet collected, so it follows the collector's pace) and the
 * most left after a collection, which is what the transfer really keeps alive.
 */
final class HeapSampler implements AutoCloseable {
  private static final long INTERVAL_MILLIS = 10;

  private final List<MemoryPoolMXBean> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .toList();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long peakUsed;
  private volatile long peakAfterGc;

  HeapSampler() {
    thread = new Thread(this::loop, "heap-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (running) {
      sample();
      try {
        Thread.sleep(INTERVAL_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void sample() {
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long afterGc = 0;
    for (MemoryPoolMXBean pool : heapPools) {
      MemoryUsage collected = pool.getCollectionUsage();
      if (collected != null) {
        afterGc += collected.getUsed();
      }
    }
    peakUsed = Math.max(peakUsed, used);
    peakAfterGc = Math.max(peakAfterGc, afterGc);
  }

  /** Returns the most heap in use at any sample, in MiB. */
  double peakUsedMib() {
    return peakUsed / (1024.0 * 1024);
  }

  /** Returns the most heap left in use right after a collection, in MiB. */
  double peakAfterGcMib() {
    return peakAfterGc / (1024.0 * 1024);
  }

  /** Returns the maximum heap size of this JVM, in MiB. */
  static double maxHeapMib() {
    return Runtime.getRuntime().maxMemory() / (1024.0 * 1024);
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sample();
  }
}
