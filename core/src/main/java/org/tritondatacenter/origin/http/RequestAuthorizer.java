package org.tritondatacenter.origin.http;

/**
 * Produces the {@code Authorization} header value for one request attempt.
 *
 * <p>It is the only thing the HTTP layer knows about signing, so {@code auth}'s {@code HttpSigner}
 * fits it as a method reference ({@code signer::authorization}). It is called once per attempt with
 * that attempt's fresh {@code Date} value.
 */
@FunctionalInterface
public interface RequestAuthorizer {

  /**
   * Returns the full {@code Authorization} header value.
   *
   * @param date the exact {@code Date} header value sent with this attempt
   * @param method the HTTP method, such as {@code GET}
   * @param pathAndQuery the request target exactly as sent: encoded path plus {@code ?query}
   */
  String authorization(String date, String method, String pathAndQuery);
}
