package org.tritondatacenter.origin.auth;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Objects;
import org.tritondatacenter.origin.KeyException;

/** A private key held in memory, signing through the JCA providers of the Java runtime. */
final class LocalSigningKey implements SigningKey {
  private final KeyType type;
  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final Fingerprint fingerprint;
  private final String source;

  LocalSigningKey(KeyType type, PrivateKey privateKey, PublicKey publicKey, String source) {
    this.type = Objects.requireNonNull(type);
    this.privateKey = Objects.requireNonNull(privateKey);
    this.publicKey = Objects.requireNonNull(publicKey);
    this.source = Objects.requireNonNull(source);
    this.fingerprint = Fingerprint.ofPublicKeyBlob(PublicKeyBlobs.encode(type, publicKey));
  }

  @Override
  public KeyType type() {
    return type;
  }

  @Override
  public Fingerprint fingerprint() {
    return fingerprint;
  }

  @Override
  public PublicKey publicKey() {
    return publicKey;
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public byte[] sign(SignatureAlgorithm algorithm, byte[] data) {
    SigningKeys.requireFit(this, algorithm);
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

  @Override
  public String toString() {
    return SigningKeys.describe(this);
  }
}
