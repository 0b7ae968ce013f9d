package org.tritondatacenter.origin.testkit.http;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One request as the local Triton saw it: where it went, what operation it was, who signed it,
 * whether verification passed, the bytes moved and the status answered.
 *
 * <p>{@link #toString()} redacts signature values, so a record can be printed safely.
 */
public record RequestRecord(
    long sequence,
    String endpoint,
    ServiceKind kind,
    String operation,
    String method,
    String pathAndQuery,
    List<Map.Entry<String, String>> headers,
    Principal principal,
    String authFailure,
    long requestBytes,
    long responseBytes,
    int status,
    String fault,
    Instant started,
    Instant finished) {

  private static final Pattern SIGNATURE = Pattern.compile("signature=\"[^\"]*\"");
  private static final Pattern URL_SIGNATURE = Pattern.compile("([?&]signature=)[^&]*");

  /** Returns the first value of a request header (case-insensitive), or null. */
  public String header(String name) {
    for (Map.Entry<String, String> h : headers) {
      if (h.getKey().equalsIgnoreCase(name)) {
        return h.getValue();
      }
    }
    return null;
  }

  /** Returns true when the request carried a signature that verified. */
  public boolean verified() {
    return principal != null;
  }

  /** Redacts the signature values out of an Authorization header or a signed URL. */
  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = SIGNATURE.matcher(text).replaceAll("signature=\"[redacted]\"");
    return URL_SIGNATURE.matcher(out).replaceAll("$1[redacted]");
  }

  @Override
  public String toString() {
    return "#"
        + sequence
        + " "
        + endpoint
        + " "
        + operation
        + " "
        + method
        + " "
        + redact(pathAndQuery)
        + " -> "
        + status
        + (principal == null ? " anonymous" : " by " + signer(principal))
        + (authFailure == null ? "" : " auth-failed: " + authFailure)
        + (fault == null ? "" : " fault: " + fault)
        + " in="
        + requestBytes
        + " out="
        + responseBytes;
  }

  private static String signer(Principal principal) {
    String who =
        principal.isSubUser()
            ? principal.account() + "/" + principal.subUser()
            : principal.account();
    return principal.keyFingerprint() == null ? who : who + " key " + principal.keyFingerprint();
  }

  /** Collects a record while the request is handled. */
  static final class Builder {
    private final long sequence;
    private final String endpoint;
    private final ServiceKind kind;
    private final String method;
    private final String pathAndQuery;
    private final List<Map.Entry<String, String>> headers;
    private final Instant started;
    private String operation = "Unknown";
    private Principal principal;
    private String authFailure;
    private long requestBytes;
    private volatile long responseBytes;
    private int status;
    private String fault;

    Builder(
        long sequence,
        String endpoint,
        ServiceKind kind,
        String method,
        String pathAndQuery,
        List<Map.Entry<String, String>> headers,
        Instant started) {
      this.sequence = sequence;
      this.endpoint = endpoint;
      this.kind = kind;
      this.method = method;
      this.pathAndQuery = pathAndQuery;
      this.headers = List.copyOf(headers);
      this.started = started;
    }

    void operation(String operation) {
      this.operation = operation;
    }

    void principal(Principal principal) {
      this.principal = principal;
    }

    void authFailure(String failure) {
      this.authFailure = failure;
    }

    void requestBytes(long bytes) {
      this.requestBytes = bytes;
    }

    void addResponseBytes(long bytes) {
      this.responseBytes += bytes;
    }

    void status(int status) {
      this.status = status;
    }

    void fault(String fault) {
      this.fault = fault;
    }

    RequestRecord build(Instant finished) {
      return new RequestRecord(
          sequence,
          endpoint,
          kind,
          operation,
          method,
          pathAndQuery,
          headers,
          principal,
          authFailure,
          requestBytes,
          responseBytes,
          status,
          fault,
          started,
          finished);
    }
  }
}
