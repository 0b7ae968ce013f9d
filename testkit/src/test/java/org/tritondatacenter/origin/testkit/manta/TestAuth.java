package org.tritondatacenter.origin.testkit.manta;

import java.time.Instant;
import java.util.Set;
import org.tritondatacenter.origin.testkit.http.ApiError;
import org.tritondatacenter.origin.testkit.http.AuthMode;
import org.tritondatacenter.origin.testkit.http.AuthProvider;
import org.tritondatacenter.origin.testkit.http.Authenticator;
import org.tritondatacenter.origin.testkit.http.Exchange;
import org.tritondatacenter.origin.testkit.http.Principal;
import org.tritondatacenter.origin.testkit.http.ServiceKind;

/**
 * A trivial identity provider for Manta's tests: {@code Authorization: Test alice} (or {@code Test
 * alice/bob} for a sub-user) signs as that principal, {@code Test bad} fails verification, and a
 * signed URL verifies when its {@code signature} is {@code good} and it has not expired.
 */
final class TestAuth implements AuthProvider {
  private static final Set<String> ACCOUNTS = Set.of("alice", "bob");

  @Override
  public Authenticator authenticator(ServiceKind kind) {
    return TestAuth::authenticate;
  }

  private static Principal authenticate(Exchange exchange, AuthMode mode) {
    if (mode == AuthMode.NONE) {
      return null;
    }
    String header = exchange.header("Authorization");
    if (header == null) {
      if (mode == AuthMode.PASSIVE) {
        return null;
      }
      throw new ApiError(401, "AuthorizationRequired", "Authorization is required");
    }
    if (!header.startsWith("Test ")) {
      throw new ApiError(400, "InvalidHeader", "not a test header");
    }
    String who = header.substring(5).trim();
    if (who.equals("bad")) {
      throw new ApiError(403, "InvalidSignature", "bad test signature");
    }
    int slash = who.indexOf('/');
    return slash < 0
        ? new Principal(who, null, "test-key")
        : new Principal(who.substring(0, slash), who.substring(slash + 1), "test-key");
  }

  @Override
  public Principal verifySignedUrl(Exchange exchange) {
    String keyId = exchange.query("keyId");
    String expires = exchange.query("expires");
    if (!"good".equals(exchange.query("signature"))
        || keyId == null
        || expires == null
        || Long.parseLong(expires) < Instant.now().getEpochSecond()) {
      throw new ApiError(403, "InvalidQueryStringAuthentication", "signed URL does not verify");
    }
    return new Principal(keyId.split("/")[1], null, "test-key");
  }

  @Override
  public boolean accountExists(String account) {
    return ACCOUNTS.contains(account);
  }

  @Override
  public boolean subUserExists(String account, String subUser) {
    return ACCOUNTS.contains(account);
  }
}
