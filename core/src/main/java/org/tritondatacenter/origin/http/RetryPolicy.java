package org.tritondatacenter.origin.http;

import java.time.Duration;
import java.util.Objects;
import org.tritondatacenter.origin.wait.Backoff;

/**
 * How often and how long a failed call is retried.
 *
 * <p>Both bounds apply: no more than {@code maxAttempts} attempts, and no new attempt when the time
 * since the first one plus the next delay would pass {@code maxElapsed}. The delay is the
 * backoff's, or the server's {@code Retry-After} when that is longer.
 *
 * @param maxAttempts attempts in all, the first included; 1 means no retry
 * @param maxElapsed the time budget for the whole call, retries included
 * @param backoff the delays between attempts
 */
public record RetryPolicy(int maxAttempts, Duration maxElapsed, Backoff backoff) {

  /** Validates the fields. */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts < 1: " + maxAttempts);
    }
    Objects.requireNonNull(maxElapsed, "maxElapsed == null");
    Objects.requireNonNull(backoff, "backoff == null");
    if (maxElapsed.isNegative()) {
      throw new IllegalArgumentException("maxElapsed < 0: " + maxElapsed);
    }
  }

  /**
   * Returns the default: 5 attempts within 5 minutes, {@link Backoff#retries()} (full jitter, base
   * 1 s, cap 30 s).
   */
  public static RetryPolicy defaults() {
    return new RetryPolicy(5, Duration.ofMinutes(5), Backoff.retries());
  }

  /** Returns a policy that never retries. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Backoff.retries());
  }
}
