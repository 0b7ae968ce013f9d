package org.tritondatacenter.origin.testkit.auth;

import java.util.List;
import java.util.Set;

/**
 * What one service's copy of node-http-signature's parser accepts (apis.md §1.1, §1.2, §1.4).
 *
 * @param requestTarget whether {@code (request-target)} is a pseudo-header (http-signature 1.x) or
 *     just a header name that no request carries (0.10.0)
 * @param knownAlgorithm what the parser itself knows; anything else is "not supported"
 * @param allowedAlgorithms the server's {@code algorithms} option, or null when it passes none
 */
record ParserProfile(
    boolean requestTarget, Set<String> knownAlgorithm, List<String> allowedAlgorithms) {

  /**
   * http-signature 1.x: key types rsa, dsa, ecdsa and hmac, hashes sha1, sha256 and sha512 only; so
   * {@code ecdsa-sha384} and {@code ed25519-sha512} are unknown.
   */
  static final Set<String> V1_ALGORITHMS =
      Set.of(
          "rsa-sha1",
          "rsa-sha256",
          "rsa-sha512",
          "dsa-sha1",
          "dsa-sha256",
          "dsa-sha512",
          "ecdsa-sha1",
          "ecdsa-sha256",
          "ecdsa-sha512",
          "hmac-sha1",
          "hmac-sha256",
          "hmac-sha512");

  /** CloudAPI passes its own list, which still names the sha384 variants the parser refuses. */
  static final ParserProfile CLOUDAPI =
      new ParserProfile(
          true,
          V1_ALGORITHMS,
          List.of(
              "rsa-sha1",
              "rsa-sha256",
              "rsa-sha384",
              "rsa-sha512",
              "dsa-sha1",
              "dsa-sha256",
              "ecdsa-sha256",
              "ecdsa-sha384",
              "ecdsa-sha512"));

  /** Manta passes no list: an {@code hmac-*} header parses and is refused later as 401. */
  static final ParserProfile MANTA = new ParserProfile(true, V1_ALGORITHMS, null);

  /** IMGAPI's http-signature 0.10.0 knows no ECDSA and no {@code (request-target)}. */
  static final ParserProfile IMGAPI =
      new ParserProfile(
          false,
          Set.of(
              "rsa-sha1",
              "rsa-sha256",
              "rsa-sha512",
              "dsa-sha1",
              "hmac-sha1",
              "hmac-sha256",
              "hmac-sha512"),
          null);
}
