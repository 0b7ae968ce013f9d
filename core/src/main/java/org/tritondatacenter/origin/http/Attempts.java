package org.tritondatacenter.origin.http;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.events.Event;

/**
 * One execution of a request: the attempts, the waits between them and the skew correction.
 *
 * <p>Retries follow {@link RetryPolicy}: throttling (420, 429), 500, 502-504 and transport
 * failures, with backoff and never less than a {@code Retry-After}. A request that is not
 * idempotent (a POST that creates) is retried only when it cannot have reached the server: a
 * refused connection, an unknown host, or a throttling answer. A skew rejection is corrected and
 * re-signed once per execution and does not count as a retry.
 */
final class Attempts {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final ApiClient api;
  private final ApiRequest request;
  private final RetryPolicy policy;
  private final String what;

  Attempts(ApiClient api, ApiRequest request) {
    this.api = api;
    this.request = request;
    this.policy =
        request.retryPolicy() != null ? request.retryPolicy() : api.config().retryPolicy();
    this.what = api.endpoint().service() + " " + request.operation();
  }

  ApiResponse run() {
    Instant start = api.config().clock().now();
    boolean skewCorrected = false;
    int attempts = 0;
    int tries = 0;
    while (true) {
      attempts++;
      tries++;
      StreamingBody streaming = newStreamingBody();
      Call call = api.clientFor(request).newCall(build(streaming));
      TritonException failure;
      Duration serverAskedFor = null;
      try {
        Response response = CallRunner.execute(call, what);
        if (request.accepts(response.code())) {
          return new ApiResponse(
              what, response, call, sentBy(streaming), attempts, ThroughputGuard.of(api.config()));
        }
        TritonApiException error =
            ErrorMapper.map(
                api.endpoint().service(), request.operation(), response, api.skew().now());
        if (!skewCorrected && correctSkew(error, response)) {
          skewCorrected = true;
          tries--;
          continue;
        }
        if (!error.isRetryable() || !(request.idempotent() || isThrottling(error))) {
          throw attempts > 1 ? error.afterAttempts(attempts) : error;
        }
        failure = error;
        serverAskedFor = error.retryAfter();
      } catch (SigningInterceptor.AuthorizationFailure e) {
        throw e.original();
      } catch (StreamingBody.SourceFailure e) {
        throw new TritonIoException(what + ": " + e.getMessage(), e);
      } catch (IOException e) {
        String message = Transport.describe(what, api, request, e, attempts);
        if (!Transport.isRetryable(e, request.idempotent())) {
          if (!request.idempotent() && !Transport.isCertificateProblem(e)) {
            message += "; not sent again, because the server may have acted on it";
          }
          throw new TritonIoException(message, e);
        }
        failure = new TritonIoException(message, e);
      }
      Duration delay = policy.backoff().delay(tries - 1);
      if (serverAskedFor != null && serverAskedFor.compareTo(delay) > 0) {
        delay = serverAskedFor;
      }
      Duration elapsed = Duration.between(start, api.config().clock().now());
      if (tries >= policy.maxAttempts() || elapsed.plus(delay).compareTo(policy.maxElapsed()) > 0) {
        // The last answer is the one to report, with how many attempts led to it.
        throw failure instanceof TritonApiException api && attempts > 1
            ? api.afterAttempts(attempts)
            : failure;
      }
      api.config()
          .listener()
          .on(
              new Event.Warning(
                  failure.getMessage()
                      + "; retrying in "
                      + seconds(delay)
                      + " (attempt "
                      + (tries + 1)
                      + " of "
                      + policy.maxAttempts()
                      + ")"));
      sleep(delay);
    }
  }

  private static boolean isThrottling(TritonApiException error) {
    // The server refused before doing anything, so even a create may be sent again.
    return error.httpStatus() == 420 || error.httpStatus() == 429;
  }

  private boolean correctSkew(TritonApiException error, Response response) {
    if (!ClockSkew.looksLikeSkewRejection(api.endpoint().service(), error)) {
      return false;
    }
    Instant sent = HttpDates.parse(response.request().header("Date"));
    Instant server = HttpDates.parse(response.header("Date"));
    Duration correction = api.skew().learn(sent, server);
    if (correction == null) {
      return false;
    }
    Duration offset = api.skew().offset();
    api.config()
        .listener()
        .on(
            new Event.Warning(
                api.endpoint().service()
                    + " rejected the request's Date ("
                    + error.getMessage()
                    + "): this machine's clock is "
                    + Math.abs(offset.toSeconds())
                    + " s "
                    + (offset.isNegative() ? "ahead of" : "behind")
                    + " the server's; Date headers are now adjusted by "
                    + (offset.isNegative() ? "" : "+")
                    + offset.toSeconds()
                    + " s. Synchronise this machine's clock (NTP) to fix it."));
    return true;
  }

  private StreamingBody newStreamingBody() {
    if (request.source() == null) {
      return null;
    }
    return new StreamingBody(
        request.source(),
        MediaType.get(request.contentType()),
        request.digests(),
        request.progress() != null ? request.progress() : api.config().listener(),
        ThroughputGuard.of(api.config()));
  }

  private Request build(StreamingBody streaming) {
    Request.Builder builder = new Request.Builder().url(api.url(request));
    builder.header("User-Agent", api.config().userAgent());
    builder.header("Accept", "application/json");
    for (Map.Entry<String, String> header : api.defaultHeaders().entrySet()) {
      builder.header(header.getKey(), header.getValue());
    }
    for (Map.Entry<String, String> header : request.headers().entrySet()) {
      builder.header(header.getKey(), header.getValue());
    }
    builder.method(request.method(), body(streaming));
    return builder.build();
  }

  private RequestBody body(StreamingBody streaming) {
    if (streaming != null) {
      return streaming;
    }
    if (request.json() != null) {
      try {
        return RequestBody.create(Json.mapper().writeValueAsBytes(request.json()), JSON);
      } catch (IOException e) {
        throw new IllegalArgumentException(what + ": body cannot be written as JSON: " + e, e);
      }
    }
    return switch (request.method()) {
      case "POST", "PUT", "PATCH" -> RequestBody.create(new byte[0], null);
      default -> null;
    };
  }

  private static Digests sentBy(StreamingBody streaming) {
    return streaming == null ? null : streaming.sent();
  }

  private void sleep(Duration delay) {
    try {
      api.config().sleeper().sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OperationInterruptedException(what + " was interrupted while waiting to retry", e);
    }
  }

  private static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
