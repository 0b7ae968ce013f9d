package org.tritondatacenter.origin.http;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.wait.Clock;
import org.tritondatacenter.origin.wait.Sleeper;

/**
 * Settings shared by every {@link ApiClient}: the OkHttp client they derive from, timeouts, user
 * agent, retry policy, time sources, warnings and the optional HTTP trace.
 *
 * <p>Building a config builds the one root {@code OkHttpClient} of core: no redirects followed, no
 * silent resends, these timeouts, and a dispatcher of daemon threads. Clients made from the same
 * config share its connection pool. Instances are immutable and thread-safe.
 */
public final class HttpConfig {
  /** How long ExportImage and AddImageFileFromUrl may keep a request open without a byte. */
  public static final Duration LONG_OPERATION_READ_TIMEOUT = Duration.ofMinutes(65);

  private final OkHttpClient baseClient;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration writeTimeout;
  private final Duration callTimeout;
  private final Map<String, Duration> operationReadTimeouts;
  private final String userAgent;
  private final RetryPolicy retryPolicy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Clock wallClock;
  private final EventListener listener;
  private final Consumer<String> trace;
  private final Throughput minimumThroughput;
  private final boolean allowInsecureHttp;
  private final OkHttpClient rootClient;

  private HttpConfig(Builder b) {
    this.baseClient = b.baseClient;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.writeTimeout = b.writeTimeout;
    this.callTimeout = b.callTimeout;
    this.operationReadTimeouts = Map.copyOf(b.operationReadTimeouts);
    this.userAgent = b.userAgent;
    this.retryPolicy = b.retryPolicy;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.wallClock = b.wallClock;
    this.listener = b.listener;
    this.trace = b.trace;
    this.minimumThroughput = b.minimumThroughput;
    this.allowInsecureHttp = b.allowInsecureHttp;
    this.rootClient = OkHttpClients.root(this);
  }

  /** Returns a config with every default. */
  public static HttpConfig defaults() {
    return builder().build();
  }

  /** Returns a builder with the defaults set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the injected base client, or null when core made its own. */
  public OkHttpClient baseClient() {
    return baseClient;
  }

  /** Returns the timeout for establishing a connection. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Returns the default idle read timeout; see {@link #readTimeout(String)} for one operation. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** Returns the read timeout for {@code operation}, such as {@code ExportImage}. */
  public Duration readTimeout(String operation) {
    return operationReadTimeouts.getOrDefault(operation, readTimeout);
  }

  /** Returns the longest a single write of the request may block. */
  public Duration writeTimeout() {
    return writeTimeout;
  }

  /** Returns the timeout for a whole call, or zero for none. */
  public Duration callTimeout() {
    return callTimeout;
  }

  /** Returns the {@code User-Agent}, {@code triton-origin/<version>} by default. */
  public String userAgent() {
    return userAgent;
  }

  /** Returns the retry policy for requests that set none of their own. */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** Returns the clock for durations and retry budgets (never for {@code Date} headers). */
  public Clock clock() {
    return clock;
  }

  /** Returns the sleeper for the waits between attempts. */
  public Sleeper sleeper() {
    return sleeper;
  }

  /** Returns the real wall clock that {@code Date} headers are made from. */
  public Clock wallClock() {
    return wallClock;
  }

  /** Returns the listener for warnings (retries, clock skew, insecure TLS). */
  public EventListener listener() {
    return listener;
  }

  /** Returns the HTTP trace sink, or null when tracing is off. */
  public Consumer<String> trace() {
    return trace;
  }

  /** Returns the slowest a request or response body may move, {@link Throughput#DEFAULT}. */
  public Throughput minimumThroughput() {
    return minimumThroughput;
  }

  /**
   * Returns true when endpoints may use plain {@code http://} to a host other than this machine;
   * false by default, because signed requests and signed URLs would cross the network unencrypted.
   */
  public boolean allowInsecureHttp() {
    return allowInsecureHttp;
  }

  /** Returns a builder holding this config's settings. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  OkHttpClient rootClient() {
    return rootClient;
  }

  /** Builds an {@link HttpConfig}. */
  public static final class Builder {
    private OkHttpClient baseClient;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private Duration writeTimeout = Duration.ofSeconds(60);
    private Duration callTimeout = Duration.ZERO;
    private final Map<String, Duration> operationReadTimeouts = new HashMap<>();
    private String userAgent = UserAgent.DEFAULT;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Clock clock = Clock.system();
    private Sleeper sleeper = Sleeper.system();
    private Clock wallClock = Clock.system();
    private EventListener listener = EventListener.NONE;
    private Consumer<String> trace;
    private Throughput minimumThroughput = Throughput.DEFAULT;
    private boolean allowInsecureHttp;

    private Builder() {
      // Both block server-side until the copy is done, silent for up to an hour.
      operationReadTimeouts.put("ExportImage", LONG_OPERATION_READ_TIMEOUT);
      operationReadTimeouts.put("AddImageFileFromUrl", LONG_OPERATION_READ_TIMEOUT);
    }

    private Builder(HttpConfig c) {
      baseClient = c.baseClient;
      connectTimeout = c.connectTimeout;
      readTimeout = c.readTimeout;
      writeTimeout = c.writeTimeout;
      callTimeout = c.callTimeout;
      operationReadTimeouts.putAll(c.operationReadTimeouts);
      userAgent = c.userAgent;
      retryPolicy = c.retryPolicy;
      clock = c.clock;
      sleeper = c.sleeper;
      wallClock = c.wallClock;
      listener = c.listener;
      trace = c.trace;
      minimumThroughput = c.minimumThroughput;
      allowInsecureHttp = c.allowInsecureHttp;
    }

    /**
     * Sets the client to derive from, such as Jenkins' proxy-aware one. Its proxy, DNS and TLS
     * settings are kept; redirects, silent retries and timeouts are overridden.
     */
    public Builder baseClient(OkHttpClient baseClient) {
      this.baseClient = Objects.requireNonNull(baseClient, "baseClient == null");
      return this;
    }

    /** Sets the timeout for establishing a connection (default 10 s). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** Sets the default idle read timeout: the longest silence while waiting for bytes. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /** Sets the read timeout of one operation, such as {@code ExportImage}. */
    public Builder readTimeout(String operation, Duration timeout) {
      operationReadTimeouts.put(
          Objects.requireNonNull(operation, "operation == null"), positive(timeout, "readTimeout"));
      return this;
    }

    /** Sets the longest a single write may block (default 60 s). */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = positive(timeout, "writeTimeout");
      return this;
    }

    /** Sets the timeout for a whole call, body included; zero (the default) means none. */
    public Builder callTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "callTimeout == null");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("callTimeout < 0: " + timeout);
      }
      this.callTimeout = timeout;
      return this;
    }

    /** Replaces the default {@code User-Agent}. */
    public Builder userAgent(String userAgent) {
      this.userAgent = Objects.requireNonNull(userAgent, "userAgent == null");
      return this;
    }

    /** Sets the default retry policy (default {@link RetryPolicy#defaults()}). */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /** Sets the clock for durations and retry budgets. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Sets the sleeper for the waits between attempts. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * Sets the wall clock for {@code Date} headers. Only tests that simulate a wrong local clock
     * change it; a scaled or manual test clock must never be used here.
     */
    public Builder wallClock(Clock wallClock) {
      this.wallClock = Objects.requireNonNull(wallClock, "wallClock == null");
      return this;
    }

    /** Sets the listener for warnings and upload progress. */
    public Builder listener(EventListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * Sets a sink that receives every request and response line and header, with signatures
     * redacted; null turns tracing off.
     */
    public Builder trace(Consumer<String> trace) {
      this.trace = trace;
      return this;
    }

    /**
     * Sets the slowest a body may move before the transfer fails as too slow ({@link
     * Throughput#OFF} for no minimum). Only time spent waiting for the network counts.
     */
    public Builder minimumThroughput(Throughput minimum) {
      this.minimumThroughput = Objects.requireNonNull(minimum, "minimumThroughput == null");
      return this;
    }

    /**
     * Allows plain {@code http://} endpoints on hosts other than this machine (the user's explicit
     * {@code --allow-insecure-http}); each such endpoint still gets a warning. Loopback addresses
     * are always allowed, for local test servers.
     */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /** Builds the config and its root OkHttp client. */
    public HttpConfig build() {
      return new HttpConfig(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " <= 0: " + d);
      }
      return d;
    }
  }
}
