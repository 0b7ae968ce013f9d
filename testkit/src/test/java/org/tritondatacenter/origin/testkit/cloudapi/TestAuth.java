package org.tritondatacenter.origin.testkit.cloudapi;

import java.util.Set;
import org.tritondatacenter.origin.testkit.http.ApiError;
import org.tritondatacenter.origin.testkit.http.AuthProvider;
import org.tritondatacenter.origin.testkit.http.Authenticator;
import org.tritondatacenter.origin.testkit.http.Exchange;
import org.tritondatacenter.origin.testkit.http.Principal;
import org.tritondatacenter.origin.testkit.http.ServiceKind;

/**
 * A permissive identity provider: every request is signed by the account named in {@code
 * x-test-account} ({@code alice} by default); accounts {@code alice} and {@code bob} exist.
 */
final class TestAuth implements AuthProvider {
  private static final Set<String> ACCOUNTS = Set.of("alice", "bob");

  @Override
  public Authenticator authenticator(ServiceKind kind) {
    return (exchange, mode) -> {
      String account = exchange.header("x-test-account");
      return new Principal(account == null ? "alice" : account, null, "00:11:22");
    };
  }

  @Override
  public Principal verifySignedUrl(Exchange exchange) {
    throw new ApiError(403, "InvalidQueryStringAuthentication", "not supported in this test");
  }

  @Override
  public boolean accountExists(String account) {
    return ACCOUNTS.contains(account);
  }

  @Override
  public boolean subUserExists(String account, String subUser) {
    return false;
  }
}
