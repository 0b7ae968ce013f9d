package org.tritondatacenter.origin.auth;

import static org.tritondatacenter.origin.auth.SignatureAlgorithm.ECDSA_SHA256;
import static org.tritondatacenter.origin.auth.SignatureAlgorithm.ECDSA_SHA512;
import static org.tritondatacenter.origin.auth.SignatureAlgorithm.RSA_SHA1;
import static org.tritondatacenter.origin.auth.SignatureAlgorithm.RSA_SHA256;
import static org.tritondatacenter.origin.auth.SignatureAlgorithm.RSA_SHA512;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.tritondatacenter.origin.KeyException;
import org.tritondatacenter.origin.Service;

/**
 * The one per-service allow-list of HTTP Signature algorithms, and the default algorithm for each
 * key type.
 *
 * <p>The lists are what the servers' HTTP Signature parsers and allow-lists let through together.
 * CloudAPI and Manta list {@code ecdsa-sha384}, but their parser knows no SHA-384, so P-384 keys
 * fail there; no parser knows Ed25519; standalone IMGAPI takes RSA with SHA-1 or SHA-256 only.
 */
public final class AlgorithmPolicy {
  private static final Set<SignatureAlgorithm> CLOUDAPI_AND_MANTA =
      Collections.unmodifiableSet(
          EnumSet.of(RSA_SHA1, RSA_SHA256, RSA_SHA512, ECDSA_SHA256, ECDSA_SHA512));
  private static final Set<SignatureAlgorithm> IMGAPI =
      Collections.unmodifiableSet(EnumSet.of(RSA_SHA1, RSA_SHA256));

  private AlgorithmPolicy() {}

  /** Returns the algorithms the service accepts. */
  public static Set<SignatureAlgorithm> accepted(Service service) {
    return switch (Objects.requireNonNull(service, "service")) {
      case CLOUDAPI, MANTA -> CLOUDAPI_AND_MANTA;
      case IMGAPI -> IMGAPI;
    };
  }

  /** Returns the key types for which the service accepts at least one algorithm. */
  public static Set<KeyType> acceptedKeyTypes(Service service) {
    Set<KeyType> types = EnumSet.noneOf(KeyType.class);
    for (SignatureAlgorithm algorithm : accepted(service)) {
      Arrays.stream(KeyType.values()).filter(algorithm::fits).forEach(types::add);
    }
    return Collections.unmodifiableSet(types);
  }

  /**
   * Chooses the algorithm for signing requests to the service with the key: {@code rsa-sha256} for
   * RSA (the one choice every service takes), {@code ecdsa-sha256} for P-256 and {@code
   * ecdsa-sha512} for P-521.
   *
   * @throws KeyException before any request is sent, if the service accepts no algorithm for the
   *     key's type; the message names the key types the service takes
   */
  public static SignatureAlgorithm choose(Service service, SigningKey key) {
    Objects.requireNonNull(key, "key");
    SignatureAlgorithm algorithm =
        switch (key.type()) {
          case RSA -> RSA_SHA256;
          case ECDSA_P256 -> ECDSA_SHA256;
          case ECDSA_P384 -> SignatureAlgorithm.ECDSA_SHA384;
          case ECDSA_P521 -> ECDSA_SHA512;
          case ED25519 -> SignatureAlgorithm.ED25519_SHA512;
        };
    if (!accepted(service).contains(algorithm)) {
      List<String> types = acceptedKeyTypes(service).stream().map(KeyType::displayName).toList();
      throw new KeyException(
          "The "
              + key
              + " cannot sign requests to "
              + service.displayName()
              + ", which accepts "
              + joinWithAnd(types)
              + " keys only. Use an RSA key: RSA works with CloudAPI, Manta and IMGAPI alike.");
    }
    return algorithm;
  }

  private static String joinWithAnd(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }
}
