package org.tritondatacenter.origin.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Fails a body transfer that keeps moving a few bytes but far too few: a server or link that drips
 * a byte now and then never trips the idle read timeout, and would hold a thread for days.
 *
 * <p>Only the time spent blocked inside reads and writes counts, so a slow consumer of a download
 * (a disk, another upload fed from it) is never blamed on the network. Like the socket timeouts, it
 * is measured on the real monotonic clock, because it is about the network and not about the
 * simulated time of waits. Not thread-safe: one guard per body.
 */
final class ThroughputGuard {
  private final Throughput minimum;
  private final long windowNanos;
  private long blockedNanos;
  private long bytes;

  private ThroughputGuard(Throughput minimum) {
    this.minimum = minimum;
    this.windowNanos = minimum.window().toNanos();
  }

  /** Returns a guard for the config's minimum, or null when the config turns it off. */
  static ThroughputGuard of(HttpConfig config) {
    Throughput minimum = config.minimumThroughput();
    return minimum.isOff() ? null : new ThroughputGuard(minimum);
  }

  /** Counts one read or write that blocked for {@code nanos} and moved {@code n} bytes. */
  void account(long nanos, long n) throws TransferTooSlowException {
    blockedNanos += nanos;
    if (n > 0) {
      bytes += n;
    }
    if (blockedNanos < windowNanos) {
      return;
    }
    double seconds = blockedNanos / 1e9;
    double rate = bytes / seconds;
    if (rate < minimum.bytesPerSecond()) {
      throw new TransferTooSlowException(
          String.format(
              Locale.ROOT,
              "the transfer is too slow: %d bytes in %.0f s of waiting (%.0f B/s), below the"
                  + " minimum of %d B/s; check the network path, or lower the minimum throughput",
              bytes,
              seconds,
              rate,
              minimum.bytesPerSecond()));
    }
    blockedNanos = 0;
    bytes = 0;
  }

  /** Returns {@code in} with each read counted by {@code guard}; {@code in} when guard is null. */
  static InputStream guard(InputStream in, ThroughputGuard guard) {
    if (guard == null) {
      return in;
    }
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        long start = System.nanoTime();
        int b = super.read();
        guard.account(System.nanoTime() - start, b == -1 ? 0 : 1);
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        long start = System.nanoTime();
        int n = super.read(buffer, offset, length);
        guard.account(System.nanoTime() - start, n);
        return n;
      }
    };
  }
}
