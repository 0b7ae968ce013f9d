package org.tritondatacenter.origin.auth;

import java.util.Locale;

/**
 * The HTTP Signature algorithms a {@link SigningKey} can produce. Each fits one family of keys: the
 * RSA ones fit RSA keys, and each ECDSA one fits the curve whose size matches its hash, because an
 * ssh-agent always hashes ECDSA data with the curve's own hash.
 */
public enum SignatureAlgorithm {
  /** {@code rsa-sha1}: RSA PKCS#1 v1.5 over SHA-1. */
  RSA_SHA1("SHA1withRSA"),
  /** {@code rsa-sha256}: RSA PKCS#1 v1.5 over SHA-256, the one algorithm every service takes. */
  RSA_SHA256("SHA256withRSA"),
  /** {@code rsa-sha512}: RSA PKCS#1 v1.5 over SHA-512. */
  RSA_SHA512("SHA512withRSA"),
  /** {@code ecdsa-sha256}: ECDSA on P-256 over SHA-256, DER-encoded. */
  ECDSA_SHA256("SHA256withECDSA"),
  /** {@code ecdsa-sha384}: ECDSA on P-384 over SHA-384, DER-encoded. No service accepts it. */
  ECDSA_SHA384("SHA384withECDSA"),
  /** {@code ecdsa-sha512}: ECDSA on P-521 over SHA-512, DER-encoded. */
  ECDSA_SHA512("SHA512withECDSA"),
  /** {@code ed25519-sha512}: pure Ed25519. No service accepts it. */
  ED25519_SHA512("Ed25519");

  private final String jcaName;

  SignatureAlgorithm(String jcaName) {
    this.jcaName = jcaName;
  }

  /** Returns the name used in the {@code algorithm} parameter, such as {@code rsa-sha256}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Returns whether a key of the given type can produce this algorithm. */
  public boolean fits(KeyType type) {
    return switch (this) {
      case RSA_SHA1, RSA_SHA256, RSA_SHA512 -> type == KeyType.RSA;
      case ECDSA_SHA256 -> type == KeyType.ECDSA_P256;
      case ECDSA_SHA384 -> type == KeyType.ECDSA_P384;
      case ECDSA_SHA512 -> type == KeyType.ECDSA_P521;
      case ED25519_SHA512 -> type == KeyType.ED25519;
    };
  }

  /** Returns the JCA {@link java.security.Signature} name. */
  String jcaName() {
    return jcaName;
  }
}
