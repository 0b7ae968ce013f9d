package org.tritondatacenter.origin.testkit.cloudapi;

import java.util.Map;
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

  /** Alice's one key, named {@code laptop}; {@code ssh-keygen -l -E md5} gives its fingerprint. */
  static final String ALICE_KEY =
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIN6E0ZzigIwDfg3brh7iXqyt3IIWjRUFjA+FWHfgChfN alice@laptop";

  static final String ALICE_KEY_MD5 = "dc:19:82:9e:bc:73:a4:d0:e3:37:9d:6f:9d:de:06:5c";

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

  @Override
  public Map<String, String> publicKeys(String account, String subUser) {
    return account.equals("alice") && subUser == null ? Map.of("laptop", ALICE_KEY) : Map.of();
  }
}
