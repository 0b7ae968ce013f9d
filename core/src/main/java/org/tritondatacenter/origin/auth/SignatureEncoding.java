package org.tritondatacenter.origin.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;

/**
 * Converts the signature blobs of the SSH wire format (RFC 4253, RFC 5656, RFC 8709) into the
 * encoding HTTP Signature verifiers expect, the same bytes a JCA {@code Signature} produces.
 */
final class SignatureEncoding {
  private SignatureEncoding() {}

  static byte[] toHttpSignature(KeyType type, PublicKey publicKey, byte[] sshSignature) {
    return switch (type) {
      case RSA -> padRsa((RSAPublicKey) publicKey, sshSignature);
      case ECDSA_P256, ECDSA_P384, ECDSA_P521 -> ecdsaToDer(sshSignature);
      case ED25519 -> {
        if (sshSignature.length != 64) {
          throw new WireFormatException(
              "an Ed25519 signature of " + sshSignature.length + " bytes");
        }
        yield sshSignature;
      }
    };
  }

  /**
   * Re-encodes ECDSA's SSH form, the mpints r and s one after the other, as the DER {@code SEQUENCE
   * { INTEGER r, INTEGER s }} of RFC 3279 that verifiers decode.
   */
  static byte[] ecdsaToDer(byte[] sshSignature) {
    WireReader in = new WireReader(sshSignature);
    ASN1EncodableVector pair = new ASN1EncodableVector(2);
    pair.add(new ASN1Integer(in.readMpint()));
    pair.add(new ASN1Integer(in.readMpint()));
    if (in.hasRemaining()) {
      throw new WireFormatException("an ECDSA signature has trailing bytes");
    }
    try {
      return new DERSequence(pair).getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // encoding to memory does not fail
    }
  }

  /**
   * Left-pads an RSA signature to the modulus length. PKCS#1 v1.5 signatures are exactly that long,
   * but some agents drop leading zero bytes and not every verifier forgives it.
   */
  static byte[] padRsa(RSAPublicKey key, byte[] signature) {
    int length = (key.getModulus().bitLength() + 7) / 8;
    if (signature.length >= length) {
      return signature;
    }
    byte[] padded = new byte[length];
    System.arraycopy(signature, 0, padded, length - signature.length, signature.length);
    return padded;
  }
}
