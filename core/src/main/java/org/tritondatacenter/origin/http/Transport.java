package org.tritondatacenter.origin.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Classifies and describes transport failures (no HTTP answer at all). */
final class Transport {
  private Transport() {}

  /**
   * Returns true when a transport failure may be retried. Certificate problems and a body too slow
   * to bear never are: they do not go away by themselves. A request that is not idempotent is
   * retried only when it cannot have left this machine.
   */
  static boolean isRetryable(IOException e, boolean idempotent) {
    if (isCertificateProblem(e) || e instanceof TransferTooSlowException) {
      return false;
    }
    if (neverSent(e)) {
      return true;
    }
    return idempotent;
  }

  private static boolean neverSent(IOException e) {
    return e instanceof ConnectException
        || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException;
  }

  static boolean isCertificateProblem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SSLPeerUnverifiedException
          || t instanceof CertificateException
          || t instanceof SSLHandshakeException) {
        return true;
      }
    }
    return false;
  }

  /** Describes the failure with the operation, the host and what to do where that is clear. */
  static String describe(
      String what, ApiClient api, ApiRequest request, IOException e, int attempt) {
    String host = api.endpoint().baseUrl().getHost();
    int port = api.endpoint().baseUrl().getPort();
    String where = port == -1 ? host : host + ":" + port;
    StringBuilder sb = new StringBuilder(what).append(" to ").append(where).append(" failed: ");
    if (isCertificateProblem(e)) {
      sb.append("the server's TLS certificate is not trusted (")
          .append(e.getMessage())
          .append("); configure its CA certificate file, or for a lab server the insecure switch");
    } else if (e instanceof TransferTooSlowException) {
      sb.append(e.getMessage());
    } else if (e instanceof InterruptedIOException
        && !(e instanceof SocketTimeoutException)
        && !api.config().callTimeout().isZero()) {
      // OkHttp's call timeout: the whole exchange, bodies included, took too long.
      sb.append("did not finish within the call timeout of ")
          .append(api.config().callTimeout().toSeconds())
          .append(" s; the transfer is too slow or the server stopped answering");
    } else if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
      sb.append("no answer in time (")
          .append(e.getMessage())
          .append("; read timeout ")
          .append(duration(api.clientFor(request).readTimeoutMillis()))
          .append(")");
    } else if (e instanceof UnknownHostException) {
      sb.append("unknown host ").append(host).append("; check the URL and DNS");
    } else {
      sb.append(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
    }
    if (attempt > 1) {
      sb.append(" (attempt ").append(attempt).append(')');
    }
    return sb.toString();
  }

  private static String duration(long millis) {
    return millis < 1000 || millis % 1000 != 0 ? millis + " ms" : millis / 1000 + " s";
  }
}
