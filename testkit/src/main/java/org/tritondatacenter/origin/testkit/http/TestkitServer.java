package org.tritondatacenter.origin.testkit.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * One Jetty server hosting every simulated endpoint, each on its own connector and port.
 *
 * <p>For each request it routes, applies any injected fault, verifies the signature through the
 * endpoint's authenticator, runs the handler, renders {@link ApiError}s in the services' JSON shape
 * and records the request in the {@link RequestLog}.
 */
public final class TestkitServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(TestkitServer.class.getName());
  private static final DateTimeFormatter RFC_1123 =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private static final int INPUT_BUFFER_BYTES = 64 * 1024;

  /** The largest unread body dropped before an error is answered (see Exchange#drainSmallBody). */
  private static final long DRAINED_BODY_LIMIT = 1024 * 1024;

  private final Server server;
  private final Faults faults;
  private final RequestLog log;
  private final AtomicLong sequence = new AtomicLong();
  private final Map<String, ServiceHandler> endpoints = new LinkedHashMap<>();
  private final Map<String, ServerConnector> connectors = new LinkedHashMap<>();
  private final String host;
  private SelfSignedCertificate certificate;

  /**
   * Creates a server that will listen on {@code host} (usually {@code 127.0.0.1}).
   *
   * @param faults the fault rules and clock offsets to apply
   * @param log where answered requests are recorded
   */
  public TestkitServer(String host, Faults faults, RequestLog log) {
    this.host = host;
    this.faults = faults;
    this.log = log;
    QueuedThreadPool pool = new QueuedThreadPool(200, 8);
    pool.setName("testkit");
    pool.setDaemon(true);
    this.server = new Server(pool);
    server.setHandler(new Dispatch());
  }

  /** Returns the self-signed certificate TLS endpoints use, creating it on first use. */
  public synchronized SelfSignedCertificate certificate() {
    if (certificate == null) {
      certificate = SelfSignedCertificate.create(host);
    }
    return certificate;
  }

  /**
   * Adds an endpoint on its own port ({@code port} 0 picks a free one). Call before {@link
   * #start()}.
   */
  public synchronized void add(ServiceHandler endpoint, int port, boolean tls) {
    if (endpoints.containsKey(endpoint.name())) {
      throw new IllegalArgumentException("duplicate endpoint " + endpoint.name());
    }
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    // Date answers come from the service's own (possibly skewed) clock, not Jetty's.
    config.setSendDateHeader(false);
    config.setRequestHeaderSize(16 * 1024);
    // A Manta object name may hold any character but '/', so a '%' in it arrives as %25, which
    // Jetty's default compliance refuses as an ambiguous encoding with a bare 400.
    config.setUriCompliance(
        UriCompliance.DEFAULT.with("testkit", UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING));
    HttpConnectionFactory http = new HttpConnectionFactory(config);
    // Reads of 64 KiB instead of Jetty's 8 KiB: a quarter less CPU per GiB uploaded, so testkit
    // stays far from being what limits a throughput benchmark (testkit/bench/put-throughput.sh).
    http.setInputBufferSize(INPUT_BUFFER_BYTES);
    ServerConnector connector;
    if (tls) {
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setKeyStore(certificate().keyStore());
      ssl.setKeyStorePassword(SelfSignedCertificate.STORE_PASSWORD);
      connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), http);
    } else {
      connector = new ServerConnector(server, http);
    }
    connector.setHost(host);
    connector.setPort(port);
    connector.setName(endpoint.name());
    connector.setIdleTimeout(Duration.ofHours(1).toMillis());
    server.addConnector(connector);
    endpoints.put(endpoint.name(), endpoint);
    connectors.put(endpoint.name(), connector);
  }

  /** Starts listening on every endpoint. */
  public void start() {
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the local Triton: " + e.getMessage(), e);
    }
  }

  /** Returns the base URL of an endpoint, such as {@code http://127.0.0.1:41234}. */
  public URI url(String endpointName) {
    ServerConnector connector = connectors.get(endpointName);
    if (connector == null) {
      throw new IllegalArgumentException("no endpoint " + endpointName);
    }
    boolean tls = connector.getConnectionFactory(SslConnectionFactory.class) != null;
    return URI.create((tls ? "https://" : "http://") + host + ":" + connector.getLocalPort());
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "stopping the local Triton failed", e);
    }
  }

  /** Returns the server's "now" for a kind of service: real time plus any injected offset. */
  public Instant now(ServiceKind kind) {
    return Instant.now().plus(faults.clockOffset(kind));
  }

  private final class Dispatch extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      String name = request.getConnectionMetaData().getConnector().getName();
      ServiceHandler endpoint = endpoints.get(name);
      if (endpoint == null) {
        return false;
      }
      serve(endpoint, request, response, callback);
      return true;
    }
  }

  private void serve(
      ServiceHandler endpoint, Request request, Response response, Callback callback) {
    String q = request.getHttpURI().getQuery();
    String target = request.getHttpURI().getPath() + (q == null ? "" : "?" + q);
    RequestRecord.Builder record =
        new RequestRecord.Builder(
            sequence.incrementAndGet(),
            endpoint.name(),
            endpoint.kind(),
            request.getMethod(),
            target,
            headers(request),
            Instant.now());
    log.begin();
    Exchange exchange = new Exchange(request, response, endpoint.name(), endpoint.kind(), record);
    boolean abort = false;
    try {
      decorate(endpoint, exchange, request);
      abort = dispatch(endpoint, exchange, record);
    } catch (ApiError error) {
      render(exchange, error);
    } catch (UncheckedIOException | IOException e) {
      // The client went away or a fault cut the connection mid-body.
      abort = true;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "handler failed for " + exchange.operation(), e);
      if (!exchange.responded()) {
        render(exchange, new ApiError(500, "InternalError", "internal error: " + e));
      } else {
        abort = true;
      }
    } finally {
      record.requestBytes(exchange.bytesRead());
      RequestRecord done = record.build(Instant.now());
      log.add(done);
      // The standalone mode's --verbose shows this; the record redacts signatures.
      if (LOG.isLoggable(Level.FINE)) {
        LOG.fine(done.toString());
      }
    }
    if (abort || exchange.isResponseDiscarded()) {
      exchange.abortConnection();
      callback.failed(new IOException("connection closed by the local Triton"));
    } else {
      callback.succeeded();
    }
  }

  /** Returns true when the connection must be cut instead of answered. */
  private boolean dispatch(ServiceHandler endpoint, Exchange exchange, RequestRecord.Builder record)
      throws IOException {
    Router.Match match = endpoint.router().match(exchange);
    if (match == null) {
      if (endpoint.router().pathKnown(exchange)) {
        throw new ApiError(405, "MethodNotAllowed", exchange.method() + " is not allowed");
      }
      throw endpoint.unknownRoute(exchange);
    }
    exchange.pathParams(match.params());
    exchange.operation(match.route().operation().apply(exchange));

    Fault fault = faults.match(exchange);
    if (fault != null) {
      record.fault(fault.toString());
      if (applyFault(fault, exchange)) {
        return true;
      }
      if (exchange.responded()) {
        return false;
      }
    }
    try {
      exchange.principal(endpoint.authenticator().authenticate(exchange, match.route().auth()));
    } catch (ApiError authError) {
      record.authFailure(authError.code() + ": " + authError.getMessage());
      throw authError;
    }
    match.route().handler().handle(exchange);
    if (!exchange.responded()) {
      throw new ApiError(500, "InternalError", exchange.operation() + " gave no answer");
    }
    return false;
  }

  /**
   * Applies a fault; returns true when the connection must be cut without an answer. A fault that
   * answers by itself leaves the exchange answered.
   */
  private boolean applyFault(Fault fault, Exchange exchange) throws IOException {
    if (fault.dropsRequest()) {
      return true;
    }
    if (fault.stallDuration() != null) {
      pause(fault.stallDuration());
      return true;
    }
    if (!fault.delay().isZero()) {
      pause(fault.delay());
    }
    exchange.headerFault(fault);
    if (fault.responseBytesPerSecond() > 0) {
      exchange.throttleResponse(fault.responseBytesPerSecond());
    }
    if (fault.requestBytesPerSecond() > 0) {
      exchange.throttleRequest(fault.requestBytesPerSecond());
    }
    if (fault.readsBodyFirst()) {
      exchange.body().transferTo(java.io.OutputStream.nullOutputStream());
    }
    if (fault.status() > 0) {
      throw fault.error();
    }
    if (fault.answers()) {
      exchange.drainSmallBody(DRAINED_BODY_LIMIT);
      exchange.sendRepeated(
          fault.answerStatus(), fault.answerType(), fault.answerBody(), fault.answerRepeat());
      return false;
    }
    if (fault.resetAfterBodyBytes() >= 0) {
      exchange.resetAfterBodyBytes(fault.resetAfterBodyBytes());
    }
    if (fault.dropsResponse()) {
      exchange.discardResponse();
    }
    exchange.checksumFault(fault.checksumMode());
    return false;
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void decorate(ServiceHandler endpoint, Exchange exchange, Request request) {
    exchange.responseHeader("Date", RFC_1123.format(now(endpoint.kind())));
    String requestId = request.getHeaders().get("x-request-id");
    if (requestId == null) {
      requestId = request.getHeaders().get("request-id");
    }
    if (requestId == null) {
      requestId = UUID.randomUUID().toString();
    }
    // CloudAPI echoes the id as Request-Id; Manta and IMGAPI as x-request-id.
    exchange.responseHeader(
        endpoint.kind() == ServiceKind.CLOUDAPI ? "Request-Id" : "x-request-id", requestId);
    endpoint.responseHeaders().forEach(exchange::responseHeader);
  }

  private static void render(Exchange exchange, ApiError error) {
    if (exchange.responded()) {
      return;
    }
    exchange.drainSmallBody(DRAINED_BODY_LIMIT);
    error.headers().forEach(exchange::responseHeader);
    exchange.sendJson(error.status(), error.body());
  }

  private static java.util.List<Map.Entry<String, String>> headers(Request request) {
    java.util.List<Map.Entry<String, String>> list = new java.util.ArrayList<>();
    request.getHeaders().forEach(f -> list.add(Map.entry(f.getName(), f.getValue())));
    return list;
  }
}
