package org.tritondatacenter.origin.auth;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Objects;
import org.tritondatacenter.origin.KeyException;

/** A private key held in memory, signing through the JCA providers of the Java runtime. */
final class LocalSigningKey extends BaseSigningKey {
  private final PrivateKey privateKey;

  LocalSigningKey(KeyType type, PrivateKey privateKey, PublicKey publicKey, String source) {
    super(
        Objects.requireNonNull(type),
        Objects.requireNonNull(publicKey),
        Fingerprint.ofPublicKeyBlob(PublicKeyBlobs.encode(type, publicKey)),
        Objects.requireNonNull(source));
    this.privateKey = Objects.requireNonNull(privateKey);
  }

  @Override
  byte[] signFitting(SignatureAlgorithm algorithm, byte[] data) {
    try {
      // A fresh Signature per call: JCA Signature objects are stateful and not thread-safe.
      Signature signature = Signature.getInstance(algorithm.jcaName());
      signature.initSign(privateKey);
      signature.update(data);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new KeyException(
          "Signing with " + this + " failed. Check that the key file is intact.",
          KeyErrors.scrub(e));
    }
  }
}
