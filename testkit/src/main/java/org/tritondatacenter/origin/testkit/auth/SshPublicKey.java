package org.tritondatacenter.origin.testkit.auth;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;

/**
 * A public key registered from an OpenSSH public-key line, with its wire blob, both fingerprints
 * and, for RSA and ECDSA, the JCA key that verifies signatures.
 *
 * @param publicKey the JCA key; null for Ed25519, which no Triton service verifies
 */
record SshPublicKey(
    SshKeyType type,
    byte[] blob,
    String comment,
    PublicKey publicKey,
    String md5Fingerprint,
    String sha256Fingerprint) {

  /**
   * Parses {@code <type> <base64 blob> [comment]}.
   *
   * @throws IllegalArgumentException naming what is wrong with the line (never echoing the blob)
   */
  static SshPublicKey parse(String line) {
    if (line == null || line.isBlank()) {
      throw new IllegalArgumentException("the public key line is empty");
    }
    String[] parts = line.strip().split("\\s+", 3);
    if (parts.length < 2) {
      throw new IllegalArgumentException(
          "the public key line is malformed: expected '<type> <base64 key data> [comment]'");
    }
    SshKeyType type = SshKeyType.fromSshName(parts[0]);
    byte[] blob;
    try {
      blob = Base64.getDecoder().decode(parts[1]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the " + type.sshName() + " key data is not valid base64", e);
    }
    String comment = parts.length == 3 ? parts[2].strip() : "";
    try {
      return fromBlob(type, blob, comment);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the " + type.sshName() + " public key is malformed: " + e.getMessage(), e);
    }
  }

  /** Decodes a wire blob whose outer type is already known. */
  static SshPublicKey fromBlob(SshKeyType type, byte[] blob, String comment) {
    SshWire.Reader in = new SshWire.Reader(blob);
    String inner = in.string();
    if (!inner.equals(type.sshName())) {
      throw new IllegalArgumentException(
          "the key data says '" + inner + "' but the line says '" + type.sshName() + "'");
    }
    PublicKey key;
    switch (type) {
      case RSA -> {
        BigInteger e = in.mpint();
        BigInteger n = in.mpint();
        key = generate("RSA", new RSAPublicKeySpec(n, e));
      }
      case ED25519 -> {
        if (in.bytes().length != 32) {
          throw new IllegalArgumentException("an Ed25519 key must be 32 bytes");
        }
        key = null;
      }
      default -> {
        String curve = in.string();
        if (!curve.equals(type.curveId())) {
          throw new IllegalArgumentException(
              "the curve is '" + curve + "', expected '" + type.curveId() + "'");
        }
        key = ecKey(type, in.bytes());
      }
    }
    if (!in.atEnd()) {
      throw new IllegalArgumentException("the key data has trailing bytes");
    }
    return new SshPublicKey(
        type,
        blob.clone(),
        comment,
        key,
        SshWire.md5Fingerprint(blob),
        SshWire.sha256Fingerprint(blob));
  }

  /** Returns the OpenSSH public-key line, with the comment when there is one. */
  String line() {
    String base = type.sshName() + " " + Base64.getEncoder().encodeToString(blob);
    return comment.isEmpty() ? base : base + " " + comment;
  }

  private static PublicKey ecKey(SshKeyType type, byte[] q) {
    int n = type.fieldBytes();
    if (q.length != 1 + 2 * n || q[0] != 0x04) {
      throw new IllegalArgumentException("the point is not an uncompressed " + type.curveId());
    }
    // Refuse points off the curve up front, with a message, instead of failing every verify.
    X9ECParameters curve = CustomNamedCurves.getByName(type.jcaCurve());
    try {
      curve.getCurve().decodePoint(q);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the point is not on " + type.curveId(), e);
    }
    BigInteger x = new BigInteger(1, Arrays.copyOfRange(q, 1, 1 + n));
    BigInteger y = new BigInteger(1, Arrays.copyOfRange(q, 1 + n, q.length));
    try {
      AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
      params.init(new ECGenParameterSpec(type.jcaCurve()));
      ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
      return generate("EC", new ECPublicKeySpec(new ECPoint(x, y), spec));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("curve " + type.jcaCurve() + " is not available", e);
    }
  }

  private static PublicKey generate(String algorithm, java.security.spec.KeySpec spec) {
    try {
      return KeyFactory.getInstance(algorithm).generatePublic(spec);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the key values are invalid", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SshPublicKey other && Arrays.equals(blob, other.blob);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(blob);
  }

  @Override
  public String toString() {
    return "SshPublicKey[" + type.sshName() + " " + md5Fingerprint + "]";
  }
}
