package org.tritondatacenter.origin.auth;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.tritondatacenter.origin.KeyException;

/** Behaviour shared by the {@link SigningKey} implementations. */
final class SigningKeys {
  private SigningKeys() {}

  /** Describes a key for messages: type, fingerprint and source, nothing secret. */
  static String describe(SigningKey key) {
    return key.type().displayName()
        + " key "
        + key.fingerprint().sha256()
        + " from "
        + key.source();
  }

  /** Throws unless the algorithm fits the key's type. */
  static void requireFit(SigningKey key, SignatureAlgorithm algorithm) {
    if (!algorithm.fits(key.type())) {
      String fitting =
          Arrays.stream(SignatureAlgorithm.values())
              .filter(a -> a.fits(key.type()))
              .map(SignatureAlgorithm::wireName)
              .collect(Collectors.joining(", "));
      throw new KeyException(
          "The "
              + describe(key)
              + " cannot make "
              + algorithm.wireName()
              + " signatures; it makes "
              + fitting
              + ". Choose one of those, or a key of another type.");
    }
  }
}
