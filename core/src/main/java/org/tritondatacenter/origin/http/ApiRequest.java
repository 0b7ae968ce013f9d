package org.tritondatacenter.origin.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tritondatacenter.origin.events.EventListener;

/**
 * One call to a service, described independently of OkHttp: operation name, method, path, query,
 * headers, body and how it may be retried. Build it with {@link #get}, {@link #post} and so on.
 *
 * <pre>{@code
 * ApiRequest.get("GetMachine").path(login, "machines", id).acceptStatus(410).build();
 * }</pre>
 *
 * <p>Requests are immutable and can be executed more than once.
 */
public final class ApiRequest {
  private final String operation;
  private final String method;
  private final List<String> segments;
  private final List<Map.Entry<String, String>> query;
  private final Map<String, String> headers;
  private final Object json;
  private final ByteSource source;
  private final String contentType;
  private final Set<DigestAlgorithm> digests;
  private final EventListener progress;
  private final boolean idempotent;
  private final Duration readTimeout;
  private final Set<Integer> acceptStatuses;
  private final RetryPolicy retryPolicy;

  private ApiRequest(Builder b) {
    this.operation = b.operation;
    this.method = b.method;
    this.segments = List.copyOf(b.segments);
    this.query = List.copyOf(b.query);
    this.headers = Map.copyOf(b.headers);
    this.json = b.json;
    this.source = b.source;
    this.contentType = b.contentType;
    this.digests = b.digests.isEmpty() ? Set.of() : Set.copyOf(b.digests);
    this.progress = b.progress;
    this.idempotent = b.idempotent != null ? b.idempotent : isIdempotentMethod(b.method);
    this.readTimeout = b.readTimeout;
    this.acceptStatuses = Set.copyOf(b.acceptStatuses);
    this.retryPolicy = b.retryPolicy;
  }

  /** Starts a GET for {@code operation}, such as {@code GetMachine}. */
  public static Builder get(String operation) {
    return new Builder("GET", operation);
  }

  /** Starts a HEAD for {@code operation}. */
  public static Builder head(String operation) {
    return new Builder("HEAD", operation);
  }

  /** Starts a POST for {@code operation}; it is not retried unless marked idempotent. */
  public static Builder post(String operation) {
    return new Builder("POST", operation);
  }

  /** Starts a PUT for {@code operation}. */
  public static Builder put(String operation) {
    return new Builder("PUT", operation);
  }

  /** Starts a DELETE for {@code operation}. */
  public static Builder delete(String operation) {
    return new Builder("DELETE", operation);
  }

  private static boolean isIdempotentMethod(String method) {
    return switch (method) {
      case "GET", "HEAD", "PUT", "DELETE", "OPTIONS" -> true;
      default -> false;
    };
  }

  /** Returns the documented operation name, such as {@code CreateMachine}. */
  public String operation() {
    return operation;
  }

  /** Returns the HTTP method, such as {@code POST}. */
  public String method() {
    return method;
  }

  /** Returns the unencoded path segments below the endpoint's base URL. */
  public List<String> segments() {
    return segments;
  }

  /** Returns the query parameters, unencoded, in order. */
  public List<Map.Entry<String, String>> query() {
    return query;
  }

  /** Returns the request's own headers. */
  public Map<String, String> headers() {
    return headers;
  }

  /** Returns the object sent as a JSON body, or null. */
  public Object json() {
    return json;
  }

  /** Returns the streamed body, or null. */
  public ByteSource source() {
    return source;
  }

  /** Returns the content type of the streamed body, or null. */
  public String contentType() {
    return contentType;
  }

  /** Returns the digests computed while the streamed body is sent. */
  public Set<DigestAlgorithm> digests() {
    return digests;
  }

  /** Returns the listener for upload progress, or null to use the config's listener. */
  public EventListener progress() {
    return progress;
  }

  /** Returns true when the request may be sent again after a failure that left its fate open. */
  public boolean idempotent() {
    return idempotent;
  }

  /** Returns the read timeout for this request, or null for the config's. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** Returns true when {@code status} is an expected answer rather than an error. */
  public boolean accepts(int status) {
    return (status >= 200 && status < 300) || acceptStatuses.contains(status);
  }

  /** Returns the retry policy for this request, or null for the config's. */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  @Override
  public String toString() {
    return operation + " " + method + " /" + String.join("/", segments);
  }

  /** Builds an {@link ApiRequest}. */
  public static final class Builder {
    private final String method;
    private final String operation;
    private final List<String> segments = new ArrayList<>();
    private final List<Map.Entry<String, String>> query = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Object json;
    private ByteSource source;
    private String contentType;
    private final Set<DigestAlgorithm> digests = EnumSet.noneOf(DigestAlgorithm.class);
    private EventListener progress;
    private Boolean idempotent;
    private Duration readTimeout;
    private final Set<Integer> acceptStatuses = new java.util.HashSet<>();
    private RetryPolicy retryPolicy;

    private Builder(String method, String operation) {
      this.method = method;
      this.operation = Objects.requireNonNull(operation, "operation == null");
      if (operation.isBlank()) {
        throw new IllegalArgumentException("operation is blank");
      }
    }

    /**
     * Appends path segments. Each is percent-encoded on its own, so a {@code /} inside a segment
     * stays part of it; {@code .} and {@code ..} are refused because they would climb the path.
     */
    public Builder path(String... segments) {
      for (String segment : segments) {
        Objects.requireNonNull(segment, operation + ": path segment == null");
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
          throw new IllegalArgumentException(
              operation + ": path segment \"" + segment + "\" is not allowed");
        }
        this.segments.add(segment);
      }
      return this;
    }

    /**
     * Appends a slash-separated path such as {@code /alice/stor/builds/a b.zfs.gz}; each segment is
     * percent-encoded on its own. A leading or trailing slash is ignored.
     */
    public Builder slashPath(String path) {
      Objects.requireNonNull(path, operation + ": path == null");
      String trimmed = path.replaceAll("^/+", "").replaceAll("/+$", "");
      if (!trimmed.isEmpty()) {
        path(trimmed.split("/", -1));
      }
      return this;
    }

    /** Adds a query parameter; a null value adds nothing. */
    public Builder query(String name, Object value) {
      Objects.requireNonNull(name, "name == null");
      if (value != null) {
        query.add(Map.entry(name, String.valueOf(value)));
      }
      return this;
    }

    /** Sets a request header; {@code Date} and {@code Authorization} are set per attempt. */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(value, "value of header " + name + " == null");
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("date") || lower.equals("authorization")) {
        throw new IllegalArgumentException(name + " is set for every attempt by the client");
      }
      headers.put(name, value);
      return this;
    }

    /** Sends {@code body} as JSON (nulls omitted). */
    public Builder jsonBody(Object body) {
      if (source != null) {
        throw new IllegalStateException(operation + ": already has a streamed body");
      }
      this.json = Objects.requireNonNull(body, "body == null");
      return this;
    }

    /**
     * Streams {@code source} as the body, with {@code Content-Length} when its size is known. A
     * retry reopens the source.
     */
    public Builder body(ByteSource source, String contentType) {
      if (json != null) {
        throw new IllegalStateException(operation + ": already has a JSON body");
      }
      this.source = Objects.requireNonNull(source, "source == null");
      this.contentType = Objects.requireNonNull(contentType, "contentType == null");
      return this;
    }

    /** Computes these digests while the streamed body is sent (see {@link ApiResponse#sent()}). */
    public Builder digests(DigestAlgorithm... algorithms) {
      digests.addAll(List.of(algorithms));
      return this;
    }

    /** Reports upload progress to {@code listener} instead of the config's listener. */
    public Builder progress(EventListener listener) {
      this.progress = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * Marks whether the request is safe to send again after a failure that left its fate open. GET,
     * HEAD, PUT and DELETE are by default; POST is not, unless marked here.
     */
    public Builder idempotent(boolean idempotent) {
      this.idempotent = idempotent;
      return this;
    }

    /** Sets the idle read timeout for this request. */
    public Builder readTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("readTimeout <= 0: " + timeout);
      }
      this.readTimeout = timeout;
      return this;
    }

    /** Treats these non-2xx statuses as answers, such as 410 for a deleted machine. */
    public Builder acceptStatus(int... statuses) {
      for (int status : statuses) {
        acceptStatuses.add(status);
      }
      return this;
    }

    /** Sets the retry policy for this request, such as a longer budget for a large upload. */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy == null");
      return this;
    }

    /** Builds the request, refusing a body on GET or HEAD and digests without a streamed body. */
    public ApiRequest build() {
      if ((method.equals("GET") || method.equals("HEAD")) && (json != null || source != null)) {
        throw new IllegalStateException(operation + ": " + method + " cannot have a body");
      }
      if (!digests.isEmpty() && source == null) {
        throw new IllegalStateException(operation + ": digests need a streamed body");
      }
      return new ApiRequest(this);
    }
  }
}
