package org.tritondatacenter.origin.http;

import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.tritondatacenter.origin.events.Event;

/** The one way core builds its OkHttp clients. */
final class OkHttpClients {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private OkHttpClients() {}

  /** Builds the root client of a config, from the injected base client when there is one. */
  static OkHttpClient root(HttpConfig config) {
    OkHttpClient base = config.baseClient() != null ? config.baseClient() : new OkHttpClient();
    return base.newBuilder()
        // OkHttp would otherwise resend a request body by itself after a connection failure;
        // the only retries must be ours, which reopen the source and reset the digests.
        .retryOnConnectionFailure(false)
        // A redirect would carry the signed request to another host; it becomes an error.
        .followRedirects(false)
        .followSslRedirects(false)
        .connectTimeout(config.connectTimeout())
        .readTimeout(config.readTimeout())
        .writeTimeout(config.writeTimeout())
        .callTimeout(config.callTimeout())
        .dispatcher(dispatcher())
        .build();
  }

  /** Derives the client of one endpoint: TLS settings, signing and the optional trace. */
  static OkHttpClient forEndpoint(
      HttpConfig config, Endpoint endpoint, Supplier<Instant> dateSource) {
    OkHttpClient.Builder builder = config.rootClient().newBuilder();
    TlsConfigurer.apply(builder, endpoint.tls());
    if (endpoint.tls().insecure()) {
      config
          .listener()
          .on(
              new Event.Warning(
                  "TLS certificate verification is OFF for "
                      + endpoint.service()
                      + " "
                      + endpoint.baseUrl()
                      + ": anyone on the network path could read or change this traffic;"
                      + " configure the server's CA certificate instead"));
    }
    builder.addInterceptor(new SigningInterceptor(dateSource, endpoint.authorizer()));
    if (config.trace() != null) {
      builder.addNetworkInterceptor(new TraceInterceptor(config.trace(), config.clock()));
    }
    return builder.build();
  }

  /**
   * Returns a dispatcher of daemon threads: OkHttp's default threads are not daemons and would keep
   * a finished command-line JVM alive for a minute. The limits allow hour-long exports to run in
   * parallel without queueing behind each other.
   */
  private static Dispatcher dispatcher() {
    ThreadFactory threads =
        runnable -> {
          Thread thread = new Thread(runnable, "triton-origin-http-" + THREADS.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    ExecutorService executor =
        new ThreadPoolExecutor(
            0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
    Dispatcher dispatcher = new Dispatcher(executor);
    dispatcher.setMaxRequests(128);
    dispatcher.setMaxRequestsPerHost(64);
    return dispatcher;
  }
}
