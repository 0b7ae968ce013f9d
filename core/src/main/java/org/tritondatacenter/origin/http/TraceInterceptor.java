package org.tritondatacenter.origin.http;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.tritondatacenter.origin.wait.Clock;

/**
 * Prints each request and response line and header, for the command line's {@code --verbose}.
 *
 * <p>It runs as a network interceptor, so it shows the headers actually sent, {@code Date}, {@code
 * Content-Length} and {@code Authorization} included; signatures are redacted. Bodies are never
 * printed.
 */
final class TraceInterceptor implements Interceptor {
  private final Consumer<String> sink;
  private final Clock clock;

  TraceInterceptor(Consumer<String> sink, Clock clock) {
    this.sink = sink;
    this.clock = clock;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    sink.accept("> " + request.method() + " " + Redaction.url(request.url().toString()));
    printHeaders("> ", request.headers());
    Instant start = clock.now();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      sink.accept("< failed after " + millis(start) + " ms: " + e);
      throw e;
    }
    sink.accept(
        "< "
            + response.code()
            + (response.message().isEmpty() ? "" : " " + response.message())
            + " "
            + Redaction.url(request.url().toString())
            + " ("
            + millis(start)
            + " ms)");
    printHeaders("< ", response.headers());
    return response;
  }

  private void printHeaders(String prefix, Headers headers) {
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      sink.accept(prefix + name + ": " + Redaction.header(name, headers.value(i)));
    }
  }

  private long millis(Instant start) {
    return Duration.between(start, clock.now()).toMillis();
  }
}
