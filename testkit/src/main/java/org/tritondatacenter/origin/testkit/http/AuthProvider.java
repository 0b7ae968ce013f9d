package org.tritondatacenter.origin.testkit.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

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
   * @throws ApiError 403 {@code InvalidQueryStringAuthentication} when the URL is expired, lacks a
   *     parameter, was not signed for the method or names an unsupported algorithm; past that, the
   *     403 answers of header authentication ({@code InvalidKeyId}, {@code AccountDoesNotExist},
   *     {@code KeyDoesNotExist}, {@code InvalidSignature}), as Manta gives them
   */
  Principal verifySignedUrl(Exchange exchange);

  /** Returns true when the account exists. */
  boolean accountExists(String account);

  /** Returns true when the account has this sub-user. */
  boolean subUserExists(String account, String subUser);

  /**
   * Returns the OpenSSH public-key lines registered on an account (sub-user null) or sub-user, by
   * CloudAPI key name, in the order they were added. CloudAPI's ListKeys and GetKey show them.
   *
   * @return the keys, or an empty map when there are none or this provider keeps no keys
   */
  default Map<String, String> publicKeys(String account, String subUser) {
    return Map.of();
  }

  /**
   * Returns the stable UUID of an account. It is derived from the login alone, so every provider
   * and every run agree on it.
   */
  default UUID accountUuid(String account) {
    return derivedAccountUuid(account);
  }

  /**
   * Returns the UUID every simulated service shows for an account login (image owners, ping,
   * GetAccount), derived from the login so it is stable across runs.
   */
  static UUID derivedAccountUuid(String account) {
    return UUID.nameUUIDFromBytes(
        ("triton-origin-testkit:account:" + account).getBytes(StandardCharsets.UTF_8));
  }

  /** Returns the stable UUID of an account's sub-user, derived like {@link #accountUuid}. */
  default UUID subUserUuid(String account, String subUser) {
    return UUID.nameUUIDFromBytes(
        ("triton-origin-testkit:user:" + account + "/" + subUser).getBytes(StandardCharsets.UTF_8));
  }
}
