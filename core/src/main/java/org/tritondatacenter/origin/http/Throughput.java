package org.tritondatacenter.origin.http;

import java.time.Duration;
import java.util.Objects;

/**
 * The slowest a body transfer may be: at least {@code bytesPerSecond} on average over each {@code
 * window} of time spent waiting for the network. Zero bytes per second turns the check off.
 *
 * @param bytesPerSecond the minimum average rate; 0 for no minimum
 * @param window how much waiting the average is taken over; a short burst of slowness inside it
 *     does not count
 */
public record Throughput(long bytesPerSecond, Duration window) {
  /** The default: 1 KiB/s over each two minutes of waiting. */
  public static final Throughput DEFAULT = new Throughput(1024, Duration.ofMinutes(2));

  /** No minimum at all. */
  public static final Throughput OFF = new Throughput(0, Duration.ofMinutes(2));

  /** Validates the values; messages name the field. */
  public Throughput {
    if (bytesPerSecond < 0) {
      throw new IllegalArgumentException(
          "minimum throughput bytesPerSecond < 0: " + bytesPerSecond);
    }
    Objects.requireNonNull(window, "window == null");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("minimum throughput window <= 0: " + window);
    }
  }

  /** Returns true when there is no minimum. */
  public boolean isOff() {
    return bytesPerSecond == 0;
  }
}
