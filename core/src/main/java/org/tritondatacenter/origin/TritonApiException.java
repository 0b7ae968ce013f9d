package org.tritondatacenter.origin;

import java.time.Duration;
import java.util.Objects;

/**
 * Reports a non-2xx answer from CloudAPI, Manta or IMGAPI.
 *
 * <p>The message reads {@code "<Service> <Operation> failed: HTTP <status> <code>: <message>
 * (request-id <id>)"}, followed by {@code ", after <n> attempts"} when the call was retried.
 */
public class TritonApiException extends TritonException {
  private static final long serialVersionUID = 1L;

  private final Service service;
  private final String operation;
  private final int httpStatus;
  private final String errorCode;
  private final String serverMessage;
  private final String requestId;
  private final Duration retryAfter;
  private final int attempts;

  /**
   * Creates an exception for one failed call.
   *
   * @param service the service that answered
   * @param operation the documented operation name, such as {@code CreateMachine}
   * @param httpStatus the HTTP status code
   * @param errorCode the {@code code} (or {@code restCode}) of the error body, or null
   * @param serverMessage the {@code message} of the error body, or null
   * @param requestId the {@code x-request-id} (or {@code request-id}) header, or null
   */
  public TritonApiException(
      Service service,
      String operation,
      int httpStatus,
      String errorCode,
      String serverMessage,
      String requestId) {
    this(service, operation, httpStatus, errorCode, serverMessage, requestId, null);
  }

  /**
   * Creates an exception for one failed call that carried a {@code Retry-After} header.
   *
   * @param retryAfter the delay the server asked for, or null when it asked for none
   */
  public TritonApiException(
      Service service,
      String operation,
      int httpStatus,
      String errorCode,
      String serverMessage,
      String requestId,
      Duration retryAfter) {
    this(service, operation, httpStatus, errorCode, serverMessage, requestId, retryAfter, 1);
  }

  private TritonApiException(
      Service service,
      String operation,
      int httpStatus,
      String errorCode,
      String serverMessage,
      String requestId,
      Duration retryAfter,
      int attempts) {
    super(format(service, operation, httpStatus, errorCode, serverMessage, requestId, attempts));
    this.service = Objects.requireNonNull(service, "service == null");
    this.operation = Objects.requireNonNull(operation, "operation == null");
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
    this.serverMessage = serverMessage;
    this.requestId = requestId;
    this.retryAfter = retryAfter;
    this.attempts = attempts;
  }

  /**
   * Returns a copy of this exception saying that the call gave up after {@code attempts} attempts,
   * the last of which got this answer.
   */
  public TritonApiException afterAttempts(int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts < 1: " + attempts);
    }
    TritonApiException copy =
        new TritonApiException(
            service,
            operation,
            httpStatus,
            errorCode,
            serverMessage,
            requestId,
            retryAfter,
            attempts);
    copy.setStackTrace(getStackTrace());
    return copy;
  }

  private static String format(
      Service service,
      String operation,
      int status,
      String code,
      String message,
      String requestId,
      int attempts) {
    StringBuilder sb = new StringBuilder();
    sb.append(service.displayName()).append(' ').append(operation).append(" failed: HTTP ");
    sb.append(status);
    if (code != null && !code.isEmpty()) {
      sb.append(' ').append(code);
    }
    if (message != null && !message.isEmpty()) {
      sb.append(": ").append(message);
    }
    if (requestId != null && !requestId.isEmpty()) {
      sb.append(" (request-id ").append(requestId).append(')');
    }
    if (attempts > 1) {
      sb.append(", after ").append(attempts).append(" attempts");
    }
    return sb.toString();
  }

  public Service service() {
    return service;
  }

  public String operation() {
    return operation;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** Returns the error code of the body, such as {@code ResourceNotFound}, or null. */
  public String errorCode() {
    return errorCode;
  }

  public String serverMessage() {
    return serverMessage;
  }

  public String requestId() {
    return requestId;
  }

  /** Returns how many attempts the call made, 1 when it was not retried. */
  public int attempts() {
    return attempts;
  }

  /** Returns the delay the server asked for with {@code Retry-After}, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** Returns true for 404, which every service uses for "does not exist". */
  public boolean isNotFound() {
    return httpStatus == 404;
  }

  /** Returns true for 410, CloudAPI's answer for a machine that was deleted. */
  public boolean isGone() {
    return httpStatus == 410;
  }

  /** Returns true when the error code equals {@code code}. */
  public boolean hasCode(String code) {
    return code != null && code.equals(errorCode);
  }

  /** Returns true for throttling (420, 429) and transient server failures (500, 502-504). */
  public boolean isRetryable() {
    return httpStatus == 420
        || httpStatus == 429
        || httpStatus == 500
        || httpStatus == 502
        || httpStatus == 503
        || httpStatus == 504;
  }
}
