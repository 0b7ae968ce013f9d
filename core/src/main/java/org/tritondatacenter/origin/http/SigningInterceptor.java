package org.tritondatacenter.origin.http;

import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Stamps each attempt with a fresh {@code Date} and, for signed endpoints, its {@code
 * Authorization}.
 *
 * <p>Each attempt is a new OkHttp call, so each passes through here and is signed afresh: a retry
 * minutes later never reuses an old {@code Date}, which the servers reject after 300 s.
 */
final class SigningInterceptor implements Interceptor {
  private final Supplier<Instant> dates;
  private final RequestAuthorizer authorizer;

  /**
   * Creates the interceptor.
   *
   * @param dates real wall time plus the learned skew offset
   * @param authorizer signs the request, or null for anonymous endpoints
   */
  SigningInterceptor(Supplier<Instant> dates, RequestAuthorizer authorizer) {
    this.dates = Objects.requireNonNull(dates, "dates == null");
    this.authorizer = authorizer;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String date = HttpDates.format(dates.get());
    Request.Builder signed = request.newBuilder().header("Date", date);
    if (authorizer != null) {
      String authorization;
      try {
        authorization = authorizer.authorization(date, request.method(), target(request.url()));
      } catch (RuntimeException e) {
        // Thrown on an OkHttp dispatcher thread, a RuntimeException would be logged there and
        // lost; carried as an IOException it reaches the caller, which rethrows the original.
        throw new AuthorizationFailure(e);
      }
      signed.header("Authorization", authorization);
    }
    return chain.proceed(signed.build());
  }

  /** Returns the request target as it goes on the wire: encoded path plus encoded query. */
  static String target(HttpUrl url) {
    String query = url.encodedQuery();
    return query == null ? url.encodedPath() : url.encodedPath() + "?" + query;
  }

  /** Carries a signer's failure (such as a key the agent no longer holds) out of OkHttp. */
  static final class AuthorizationFailure extends IOException {
    private static final long serialVersionUID = 1L;

    AuthorizationFailure(RuntimeException cause) {
      super("signing failed", cause);
    }

    RuntimeException original() {
      return (RuntimeException) getCause();
    }
  }
}
