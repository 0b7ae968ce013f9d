package org.tritondatacenter.origin.http;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.wait.Clock;

/**
 * The offset between this machine's wall clock and one server's, learned from a rejected request.
 *
 * <p>All three services reject a {@code Date} more than 300 s away from their own clock: CloudAPI
 * and Manta with 400 {@code InvalidHeader}, IMGAPI with a bare 401. A 401 also means a wrong key,
 * so a rejection counts as skew only when the server's {@code Date} is itself more than 300 s from
 * the {@code Date} we sent.
 */
final class ClockSkew {
  /** The servers' allowance; a difference above it is a skew to correct. */
  static final Duration ALLOWED = Duration.ofSeconds(300);

  private final Clock wallClock;
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  ClockSkew(Clock wallClock) {
    this.wallClock = wallClock;
  }

  /** Returns the instant for the next {@code Date} header: wall time plus the offset. */
  Instant now() {
    return wallClock.now().plus(offset.get());
  }

  Duration offset() {
    return offset.get();
  }

  /** Returns true when {@code error} is how {@code service} rejects a skewed {@code Date}. */
  static boolean looksLikeSkewRejection(Service service, TritonApiException error) {
    int status = error.httpStatus();
    if (status == 400 && error.hasCode("InvalidHeader")) {
      return true;
    }
    if (error.hasCode("RequestExpired") || error.hasCode("RequestExpiredError")) {
      return true;
    }
    return status == 401 && (service == Service.IMGAPI || error.errorCode() == null);
  }

  /**
   * Learns the offset when the server's clock is more than the allowance away from the date we
   * sent; returns the correction applied, or null when there was no skew to correct.
   */
  Duration learn(Instant sent, Instant serverDate) {
    if (sent == null || serverDate == null) {
      return null;
    }
    if (Duration.between(sent, serverDate).abs().compareTo(ALLOWED) <= 0) {
      return null;
    }
    Duration learned = Duration.between(wallClock.now(), serverDate);
    Duration previous = offset.getAndSet(learned);
    return learned.minus(previous);
  }
}
