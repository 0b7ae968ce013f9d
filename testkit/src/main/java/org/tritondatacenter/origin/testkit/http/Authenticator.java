package org.tritondatacenter.origin.testkit.http;

/**
 * Verifies the HTTP Signature of a request for one service, applying that service's rules and
 * answering failures exactly as the service does.
 */
@FunctionalInterface
public interface Authenticator {
  /**
   * Verifies the request's {@code Authorization} header.
   *
   * @return the principal that signed it, or null when the request carries no {@code Authorization}
   *     header and {@code mode} allows anonymous access
   * @throws ApiError with the service's status and code when verification fails
   */
  Principal authenticate(Exchange exchange, AuthMode mode);

  /** An authenticator that lets everything through anonymously. */
  Authenticator NONE = (exchange, mode) -> null;
}
