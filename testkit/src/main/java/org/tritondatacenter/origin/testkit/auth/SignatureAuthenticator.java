package org.tritondatacenter.origin.testkit.auth;

import java.time.Instant;
import java.util.function.Supplier;
import org.tritondatacenter.origin.testkit.http.ApiError;
import org.tritondatacenter.origin.testkit.http.AuthMode;
import org.tritondatacenter.origin.testkit.http.Authenticator;
import org.tritondatacenter.origin.testkit.http.Exchange;
import org.tritondatacenter.origin.testkit.http.Principal;

/**
 * What the three services' signature checks share: the accounts and clock they check against, and
 * the handling of a request without an {@code Authorization} header, which has no caller on a
 * passive route and is refused, in the service's own words, everywhere else.
 */
abstract class SignatureAuthenticator implements Authenticator {
  final Accounts accounts;
  final Supplier<Instant> now;

  SignatureAuthenticator(Accounts accounts, Supplier<Instant> now) {
    this.accounts = accounts;
    this.now = now;
  }

  @Override
  public Principal authenticate(Exchange exchange, AuthMode mode) {
    return mode == AuthMode.NONE ? null : authenticate(RequestView.of(exchange), mode);
  }

  final Principal authenticate(RequestView request, AuthMode mode) {
    String authz = request.header("Authorization");
    if (authz == null || authz.isEmpty()) {
      if (mode == AuthMode.PASSIVE) {
        return null;
      }
      throw unauthenticated();
    }
    return verify(request, authz);
  }

  /** Returns the service's refusal of a request that must be signed and is not. */
  abstract ApiError unauthenticated();

  /** Checks a present, non-empty {@code Authorization} header and returns the caller. */
  abstract Principal verify(RequestView request, String authz);
}
