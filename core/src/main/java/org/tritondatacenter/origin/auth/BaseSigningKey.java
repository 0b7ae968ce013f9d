package org.tritondatacenter.origin.auth;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.tritondatacenter.origin.KeyException;

/**
 * What the {@link SigningKey} implementations share: the public facts of the key, the description
 * used in messages, and the check that an algorithm fits the key before anything is signed.
 */
abstract class BaseSigningKey implements SigningKey {
  private final KeyType type;
  private final PublicKey publicKey;
  private final Fingerprint fingerprint;
  private final String source;

  BaseSigningKey(KeyType type, PublicKey publicKey, Fingerprint fingerprint, String source) {
    this.type = type;
    this.publicKey = publicKey;
    this.fingerprint = fingerprint;
    this.source = source;
  }

  @Override
  public final KeyType type() {
    return type;
  }

  @Override
  public final Fingerprint fingerprint() {
    return fingerprint;
  }

  @Override
  public final PublicKey publicKey() {
    return publicKey;
  }

  @Override
  public final String source() {
    return source;
  }

  @Override
  public final byte[] sign(SignatureAlgorithm algorithm, byte[] data) {
    requireFit(algorithm);
    return signFitting(algorithm, data);
  }

  /** Signs with an algorithm already known to fit the key's type. */
  abstract byte[] signFitting(SignatureAlgorithm algorithm, byte[] data);

  private void requireFit(SignatureAlgorithm algorithm) {
    if (!algorithm.fits(type)) {
      String fitting =
          Arrays.stream(SignatureAlgorithm.values())
              .filter(a -> a.fits(type))
              .map(SignatureAlgorithm::wireName)
              .collect(Collectors.joining(", "));
      throw new KeyException(
          "The "
              + this
              + " cannot make "
              + algorithm.wireName()
              + " signatures; it makes "
              + fitting
              + ". Choose one of those, or a key of another type.");
    }
  }

  /** Describes the key for messages: type, fingerprint and source, nothing secret. */
  @Override
  public final String toString() {
    return type.displayName() + " key " + fingerprint.sha256() + " from " + source;
  }
}
