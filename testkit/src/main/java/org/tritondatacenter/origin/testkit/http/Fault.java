package org.tritondatacenter.origin.testkit.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
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
 * <p>Besides errors, a fault can give an answer no well-behaved service gives (an HTML page, JSON
 * of the wrong shape, an endless body, a redirect), add or remove headers of whatever answer goes
 * out, and drip the answer's or the upload's bytes at a set rate:
 *
 * <pre>{@code
 * triton.faults().add(Fault.when(ServiceKind.CLOUDAPI, "ListMachines")
 *     .answer(502, "text/html", "<html>Bad Gateway</html>"));
 * triton.faults().add(Fault.when(ServiceKind.MANTA, "GetObject").throttleResponse(10 * 1024));
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
  private int answerStatus;
  private String answerType;
  private byte[] answerBody;
  private long answerRepeat = 1;
  private final Map<String, String> addedHeaders = new LinkedHashMap<>();
  private final Set<String> removedHeaders = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
  private long responseBytesPerSecond;
  private long requestBytesPerSecond;
  private boolean readBodyFirst;
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

  /**
   * Answers with this status, content type and text (sent as UTF-8) instead of running the
   * operation: an HTML error page, JSON of the wrong shape, a success that is not the resource.
   */
  public Fault answer(int status, String contentType, String body) {
    return answer(status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Answers with this status, content type (null for none) and body instead of running the
   * operation.
   */
  public Fault answer(int status, String contentType, byte[] body) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("answer status " + status + " is not an HTTP status");
    }
    this.answerStatus = status;
    this.answerType = contentType;
    this.answerBody = Objects.requireNonNull(body, "body == null").clone();
    return this;
  }

  /**
   * Sends the answer's body {@code times} times over, streamed with its full {@code
   * Content-Length}: an enormous body that costs the server no memory.
   */
  public Fault repeatBody(long times) {
    if (times < 1) {
      throw new IllegalArgumentException("repeatBody times must be at least 1, not " + times);
    }
    this.answerRepeat = times;
    return this;
  }

  /**
   * Answers with a redirect ({@code status} 301, 302, 303, 307 or 308) to {@code location}, with an
   * empty body, instead of running the operation.
   */
  public Fault redirect(int status, URI location) {
    if (status < 300 || status > 399) {
      throw new IllegalArgumentException("redirect status " + status + " is not a 3xx status");
    }
    answer(status, null, new byte[0]);
    return header("Location", location.toString());
  }

  /** Sets a header on the answer that goes out, whether the fault's own or the operation's. */
  public Fault header(String name, String value) {
    addedHeaders.put(
        Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(value, "value"));
    return this;
  }

  /**
   * Removes a header from the answer that goes out, such as Manta's {@code computed-md5}. (A
   * checksum in an answer's body, such as IMGAPI's {@code sha1}, is {@link #checksum}'s job.)
   */
  public Fault withoutHeader(String name) {
    removedHeaders.add(Objects.requireNonNull(name, "name == null"));
    return this;
  }

  /**
   * Writes the answer's body at most {@code bytesPerSecond} (real time), in tenth-second slices.
   */
  public Fault throttleResponse(long bytesPerSecond) {
    this.responseBytesPerSecond = positive(bytesPerSecond, "throttleResponse");
    return this;
  }

  /** Reads the request body at most {@code bytesPerSecond} (real time): a slow upload link. */
  public Fault throttleRequest(long bytesPerSecond) {
    this.requestBytesPerSecond = positive(bytesPerSecond, "throttleRequest");
    return this;
  }

  /**
   * Reads the whole request body (sending {@code 100 Continue} to a client that waits for it)
   * before the fault's answer, as a server that answers only once the upload is in.
   */
  public Fault afterReadingBody() {
    this.readBodyFirst = true;
    return this;
  }

  private static long positive(long bytesPerSecond, String what) {
    if (bytesPerSecond <= 0) {
      throw new IllegalArgumentException(
          what + " needs a positive number of bytes per second, not " + bytesPerSecond);
    }
    return bytesPerSecond;
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

  boolean answers() {
    return answerBody != null;
  }

  int answerStatus() {
    return answerStatus;
  }

  String answerType() {
    return answerType;
  }

  byte[] answerBody() {
    return answerBody;
  }

  long answerRepeat() {
    return answerRepeat;
  }

  Map<String, String> addedHeaders() {
    return addedHeaders;
  }

  Set<String> removedHeaders() {
    return removedHeaders;
  }

  long responseBytesPerSecond() {
    return responseBytesPerSecond;
  }

  long requestBytesPerSecond() {
    return requestBytesPerSecond;
  }

  boolean readsBodyFirst() {
    return readBodyFirst;
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
    if (answerBody != null) {
      sb.append(" answer=").append(answerStatus).append(' ').append(answerType);
      sb.append(" body=").append(answerBody.length * answerRepeat).append('B');
    }
    if (!addedHeaders.isEmpty()) {
      sb.append(" headers+=").append(addedHeaders.keySet());
    }
    if (!removedHeaders.isEmpty()) {
      sb.append(" headers-=").append(removedHeaders);
    }
    if (responseBytesPerSecond > 0) {
      sb.append(" answer-rate=").append(responseBytesPerSecond).append("B/s");
    }
    if (requestBytesPerSecond > 0) {
      sb.append(" read-rate=").append(requestBytesPerSecond).append("B/s");
    }
    if (readBodyFirst) {
      sb.append(" after-body");
    }
    return sb.append(')').toString();
  }
}
