package org.tritondatacenter.origin.testkit.cloudapi;

import java.time.Instant;
import org.tritondatacenter.origin.testkit.http.ApiError;

/**
 * Refuses requests beyond a per-second limit, counted in fixed wall-clock seconds. CloudAPI
 * throttles with restify's plugin, which answers 429 with this message; the docs name the code
 * {@code RequestThrottled} (and list 420), so the code follows the docs.
 */
final class Throttle {
  private final int limit;
  private long second = Long.MIN_VALUE;
  private int count;

  /** Creates a throttle; a limit of 0 or less lets everything through. */
  Throttle(int limit) {
    this.limit = limit;
  }

  synchronized void check(Instant now) {
    if (limit <= 0) {
      return;
    }
    long s = now.getEpochSecond();
    if (s != second) {
      second = s;
      count = 0;
    }
    if (++count > limit) {
      throw new ApiError(
          429, "RequestThrottled", "You have exceeded your request rate of " + limit + " r/s.");
    }
  }
}
