package org.tritondatacenter.origin.testkit.auth;

import java.time.Instant;
import java.util.function.Function;
import org.tritondatacenter.origin.testkit.http.AuthProvider;
import org.tritondatacenter.origin.testkit.http.Authenticator;
import org.tritondatacenter.origin.testkit.http.Exchange;
import org.tritondatacenter.origin.testkit.http.Principal;
import org.tritondatacenter.origin.testkit.http.ServiceKind;

/** The accounts, sub-users and public keys the local Triton knows. Thread-safe. */
public final class Accounts implements AuthProvider {

  /**
   * Creates the registry with one account.
   *
   * @param now each kind of service's wall-clock "now", for the 300 s skew check
   */
  public Accounts(String account, Function<ServiceKind, Instant> now) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** Registers an OpenSSH public-key line for an account or one of its sub-users. */
  public void addKey(String account, String subUserOrNull, String publicKeyLine) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** Registers a sub-user of an account. */
  public void addSubUser(String account, String subUser) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Override
  public Authenticator authenticator(ServiceKind kind) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Override
  public Principal verifySignedUrl(Exchange exchange) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Override
  public boolean accountExists(String account) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Override
  public boolean subUserExists(String account, String subUser) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
