package org.tritondatacenter.origin.testkit.http;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One injected fault: which requests it matches, what it does, and how many times.
 *
 * <pre>{@code
 * // fail the first two Manta PUTs with 503 and Retry-After: 2
 * triton.faults().add(Fault.when(ServiceKind.MANTA, "PutObject")
 *     .status(503, "ServiceUnavailable", "try later").retryAfter(2).times(2));
 * }</pre>
 *
 * <p>Rules are tried in the order they were added; the first that matches and has uses left fires.
 * A fault without {@link #times(int)} fires on every matching request.
 */
public final class Fault {

  /** What a fault does to a checksum the service reports back. */
  public enum Checksum {
    NONE,
    /** The answer leaves the checksum out (Manta {@code computed-md5}, IMGAPI {@code sha1}). */
    OMIT,
    /** The answer carries a checksum that does not match the bytes received. */
    WRONG
  }

  private final ServiceKind kind;
  private final String operation;
  private Predicate<Exchange> filter = e -> true;
  private int status;
  private String code;
  private String message;
  private Integer retryAfterSeconds;
  private Duration delay = Duration.ZERO;
  private long resetAfterBodyBytes = -1;
  private Duration stall;
  private boolean dropRequest;
  private boolean dropResponse;
  private Checksum checksum = Checksum.NONE;
  private int skip;
  private int remaining = -1;
  private int fired;

  private Fault(ServiceKind kind, String operation) {
    this.kind = kind;
    this.operation = operation;
  }

  /**
   * Starts a fault for requests of one operation (such as {@code PutObject}) on services of one
   * kind. A null kind or operation matches any.
   */
  public static Fault when(ServiceKind kind, String operation) {
    return new Fault(kind, operation);
  }

  /** Narrows the fault to requests that also pass {@code filter}. */
  public Fault matching(Predicate<Exchange> filter) {
    this.filter = Objects.requireNonNull(filter, "filter == null");
    return this;
  }

  /** Answers with this status and error code instead of running the operation. */
  public Fault status(int status, String code, String message) {
    this.status = status;
    this.code = code;
    this.message = message;
    return this;
  }

  /** Adds {@code Retry-After: seconds} to the fault's error answer. */
  public Fault retryAfter(int seconds) {
    this.retryAfterSeconds = seconds;
    return this;
  }

  /** Waits this long (real time) before handling the request. */
  public Fault delay(Duration delay) {
    this.delay = Objects.requireNonNull(delay, "delay == null");
    return this;
  }

  /** Cuts the connection after the handler has read {@code bytes} bytes of the request body. */
  public Fault resetAfterBodyBytes(long bytes) {
    this.resetAfterBodyBytes = bytes;
    return this;
  }

  /** Accepts the request and never answers; the connection is closed after {@code duration}. */
  public Fault stall(Duration duration) {
    this.stall = Objects.requireNonNull(duration, "duration == null");
    return this;
  }

  /** Closes the connection before the operation runs: the request is lost. */
  public Fault dropRequest() {
    this.dropRequest = true;
    return this;
  }

  /** Runs the operation, then closes the connection instead of answering: the answer is lost. */
  public Fault dropResponse() {
    this.dropResponse = true;
    return this;
  }

  /** Makes the answer omit or misstate the checksum of the bytes received. */
  public Fault checksum(Checksum checksum) {
    this.checksum = Objects.requireNonNull(checksum, "checksum == null");
    return this;
  }

  /** Lets the first {@code n} matching requests through before the fault starts firing. */
  public Fault skip(int n) {
    this.skip = n;
    return this;
  }

  /** Fires the fault at most {@code n} times. */
  public Fault times(int n) {
    this.remaining = n;
    return this;
  }

  /** Returns how many times the fault fired. */
  public synchronized int fired() {
    return fired;
  }

  synchronized boolean tryFire(Exchange exchange) {
    if (kind != null && kind != exchange.kind()) {
      return false;
    }
    if (operation != null && !operation.equals(exchange.operation())) {
      return false;
    }
    if (!filter.test(exchange)) {
      return false;
    }
    if (remaining == 0) {
      return false;
    }
    if (skip > 0) {
      skip--;
      return false;
    }
    if (remaining > 0) {
      remaining--;
    }
    fired++;
    return true;
  }

  int status() {
    return status;
  }

  ApiError error() {
    ApiError error = new ApiError(status, code, message == null ? "injected fault" : message);
    if (retryAfterSeconds != null) {
      error.header("Retry-After", Integer.toString(retryAfterSeconds));
    }
    return error;
  }

  Duration delay() {
    return delay;
  }

  long resetAfterBodyBytes() {
    return resetAfterBodyBytes;
  }

  Duration stallDuration() {
    return stall;
  }

  boolean dropsRequest() {
    return dropRequest;
  }

  boolean dropsResponse() {
    return dropResponse;
  }

  Checksum checksumMode() {
    return checksum;
  }

  @Override
  public synchronized String toString() {
    StringBuilder sb = new StringBuilder("fault(");
    sb.append(kind == null ? "*" : kind).append(' ').append(operation == null ? "*" : operation);
    if (status > 0) {
      sb.append(" status=").append(status).append(' ').append(code);
    }
    if (!delay.isZero()) {
      sb.append(" delay=").append(delay.toMillis()).append("ms");
    }
    if (resetAfterBodyBytes >= 0) {
      sb.append(" reset-after=").append(resetAfterBodyBytes);
    }
    if (stall != null) {
      sb.append(" stall");
    }
    if (dropRequest) {
      sb.append(" drop-request");
    }
    if (dropResponse) {
      sb.append(" drop-response");
    }
    if (checksum != Checksum.NONE) {
      sb.append(" checksum=").append(checksum);
    }
    return sb.append(')').toString();
  }
}
