package org.tritondatacenter.origin.testkit.auth;

import java.util.List;

/**
 * A parsed {@code Authorization: Signature ...} header and the signing string rebuilt from the
 * request.
 *
 * @param algorithm lowercased, as the parser stores it
 * @param signature the base64 signature as sent (never logged or shown)
 */
record ParsedSignature(
    String keyId, String algorithm, List<String> headers, String signature, String signingString) {

  /** Returns the algorithm uppercased, the form the services' allow-lists compare. */
  String upperAlgorithm() {
    return algorithm.toUpperCase(java.util.Locale.ROOT);
  }

  /** Never shows the signature value. */
  @Override
  public String toString() {
    return "ParsedSignature[keyId="
        + keyId
        + ", algorithm="
        + algorithm
        + ", headers="
        + headers
        + "]";
  }
}
