package org.tritondatacenter.origin.http;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Executes {@link ApiRequest}s against one {@link Endpoint}: signs every attempt, retries where it
 * is safe, corrects clock skew and maps every failure to a core exception.
 *
 * <p>Failures: a non-2xx answer (unless the request accepts its status) becomes a {@link
 * org.tritondatacenter.origin.TritonApiException}; a transport failure, an unreadable source or an
 * unexpected body becomes a {@link org.tritondatacenter.origin.TritonIoException}; an interrupt
 * cancels the call and becomes an {@link org.tritondatacenter.origin.OperationInterruptedException}
 * with the thread's interrupt flag set. Instances are thread-safe; make one per endpoint.
 */
public final class ApiClient {
  private final Endpoint endpoint;
  private final HttpConfig config;
  private final Map<String, String> defaultHeaders;
  private final ClockSkew skew;
  private final HttpUrl baseUrl;
  private final OkHttpClient client;
  private final Map<Duration, OkHttpClient> byReadTimeout = new ConcurrentHashMap<>();

  private ApiClient(Endpoint endpoint, HttpConfig config, Map<String, String> defaultHeaders) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint == null");
    this.config = Objects.requireNonNull(config, "config == null");
    this.defaultHeaders = Map.copyOf(defaultHeaders);
    PlainHttp.check(endpoint, config);
    this.skew = new ClockSkew(config.wallClock());
    this.baseUrl = HttpUrl.get(endpoint.baseUrl().toString());
    this.client = OkHttpClients.forEndpoint(config, endpoint, skew::now);
  }

  /**
   * Creates a client for {@code endpoint}.
   *
   * @throws IllegalArgumentException when the endpoint is plain {@code http://} to another machine
   *     and the config does not {@linkplain HttpConfig#allowInsecureHttp() allow} that
   */
  public static ApiClient create(Endpoint endpoint, HttpConfig config) {
    return new ApiClient(endpoint, config, Map.of());
  }

  /**
   * Creates a client that sends {@code defaultHeaders} with every request, such as CloudAPI's
   * {@code Accept-Version}. A request's own headers win.
   */
  public static ApiClient create(
      Endpoint endpoint, HttpConfig config, Map<String, String> defaultHeaders) {
    return new ApiClient(endpoint, config, defaultHeaders);
  }

  /** Returns the endpoint this client talks to. */
  public Endpoint endpoint() {
    return endpoint;
  }

  /** Returns the shared settings this client was made with. */
  public HttpConfig config() {
    return config;
  }

  /** Returns the offset added to the wall clock for {@code Date} headers; zero until a skew. */
  public Duration clockOffset() {
    return skew.offset();
  }

  /**
   * Executes {@code request} and decodes the JSON answer into {@code type}.
   *
   * @throws org.tritondatacenter.origin.TritonIoException when the answer is not that JSON
   */
  public <T> T call(ApiRequest request, Class<T> type) {
    return open(request).decode(type);
  }

  /** Executes {@code request} and decodes the JSON answer into {@code type}. */
  public <T> T call(ApiRequest request, TypeReference<T> type) {
    return open(request).decode(type);
  }

  /** Executes {@code request} and discards the answer's body. */
  public void send(ApiRequest request) {
    open(request).close();
  }

  /**
   * Executes {@code request} and returns the answer unread, for streaming bodies and headers. The
   * caller closes it.
   */
  public ApiResponse open(ApiRequest request) {
    Objects.requireNonNull(request, "request == null");
    return new Attempts(this, request).run();
  }

  /** Returns the absolute URL of {@code request}, segments and query encoded. */
  public HttpUrl url(ApiRequest request) {
    HttpUrl.Builder url = baseUrl.newBuilder();
    for (String segment : request.segments()) {
      url.addPathSegment(segment);
    }
    for (Map.Entry<String, String> parameter : request.query()) {
      url.addQueryParameter(parameter.getKey(), parameter.getValue());
    }
    return url.build();
  }

  Map<String, String> defaultHeaders() {
    return defaultHeaders;
  }

  ClockSkew skew() {
    return skew;
  }

  /** Returns the OkHttp client with the read timeout {@code request} needs. */
  OkHttpClient clientFor(ApiRequest request) {
    Duration timeout =
        request.readTimeout() != null
            ? request.readTimeout()
            : config.readTimeout(request.operation());
    if (timeout.equals(config.readTimeout())) {
      return client;
    }
    return byReadTimeout.computeIfAbsent(timeout, t -> client.newBuilder().readTimeout(t).build());
  }

  @Override
  public String toString() {
    return "ApiClient[" + endpoint + "]";
  }
}
