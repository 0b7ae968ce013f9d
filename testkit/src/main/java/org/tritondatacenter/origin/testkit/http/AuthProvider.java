package org.tritondatacenter.origin.testkit.http;

/**
 * What the simulated services need to know about identities: the signature verifier of each kind of
 * service, Manta's pre-signed URL check, and which accounts and sub-users exist.
 */
public interface AuthProvider {
  /** Returns the verifier of one kind of service, with that service's rules and answers. */
  Authenticator authenticator(ServiceKind kind);

  /**
   * Verifies a Manta pre-signed URL (query parameters {@code algorithm}, {@code expires}, {@code
   * keyId}, {@code signature}; apis.md §1.9).
   *
   * @return the principal whose key signed the URL
   * @throws ApiError 403 {@code InvalidQueryStringAuthentication} when it does not verify or has
   *     expired
   */
  Principal verifySignedUrl(Exchange exchange);

  /** Returns true when the account exists. */
  boolean accountExists(String account);

  /** Returns true when the account has this sub-user. */
  boolean subUserExists(String account, String subUser);
}
