package org.tritondatacenter.origin.testkit.imgapi;

import org.tritondatacenter.origin.testkit.http.ApiError;
import org.tritondatacenter.origin.testkit.http.AuthMode;
import org.tritondatacenter.origin.testkit.http.AuthProvider;
import org.tritondatacenter.origin.testkit.http.Authenticator;
import org.tritondatacenter.origin.testkit.http.Exchange;
import org.tritondatacenter.origin.testkit.http.Principal;
import org.tritondatacenter.origin.testkit.http.ServiceKind;

/**
 * A stand-in for signature verification: {@code Authorization: Test <user>} authenticates as that
 * user, {@code Test bad} (or any other value) fails with 401 like a signature that does not verify,
 * and no header is anonymous. The route's {@link AuthMode} is applied as IMGAPI applies it.
 */
final class TestAuth implements AuthProvider {
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
      if (mode == AuthMode.REQUIRED) {
        throw new ApiError(401, "Unauthorized", "Unauthorized");
      }
      return null;
    }
    if (!header.startsWith("Test ") || header.equals("Test bad")) {
      throw new ApiError(401, "Unauthorized", "signature does not verify");
    }
    return new Principal(header.substring(5), null, "00:11:22");
  }

  @Override
  public Principal verifySignedUrl(Exchange exchange) {
    throw new ApiError(403, "InvalidQueryStringAuthentication", "not in these tests");
  }

  @Override
  public boolean accountExists(String account) {
    return true;
  }

  @Override
  public boolean subUserExists(String account, String subUser) {
    return false;
  }
}
