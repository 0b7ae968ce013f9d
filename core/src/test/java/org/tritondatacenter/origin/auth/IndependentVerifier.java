package org.tritondatacenter.origin.auth;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * Verifies signatures without the code under test: the public key comes from a {@code .pub} blob
 * parsed by Bouncy Castle, and the check is plain JCA {@link Signature} with names written out
 * here.
 */
final class IndependentVerifier {
  private IndependentVerifier() {}

  /** Parses an SSH public key blob with Bouncy Castle and converts it to a JCA key. */
  static PublicKey publicKey(byte[] sshBlob) {
    try {
      AsymmetricKeyParameter parameters = OpenSSHPublicKeyUtil.parsePublicKey(sshBlob);
      String algorithm =
          parameters instanceof ECPublicKeyParameters
              ? "EC"
              : parameters instanceof Ed25519PublicKeyParameters ? "Ed25519" : "RSA";
      byte[] x509 = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(parameters).getEncoded();
      return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(x509));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns whether the signature verifies under the HTTP Signature algorithm name. */
  static boolean verify(String wireAlgorithm, PublicKey key, byte[] data, byte[] signature) {
    String jca =
        switch (wireAlgorithm) {
          case "rsa-sha1" -> "SHA1withRSA";
          case "rsa-sha256" -> "SHA256withRSA";
          case "rsa-sha512" -> "SHA512withRSA";
          case "ecdsa-sha256" -> "SHA256withECDSA";
          case "ecdsa-sha384" -> "SHA384withECDSA";
          case "ecdsa-sha512" -> "SHA512withECDSA";
          case "ed25519-sha512" -> "Ed25519";
          default -> throw new IllegalArgumentException(wireAlgorithm);
        };
    try {
      Signature verifier = Signature.getInstance(jca);
      verifier.initVerify(key);
      verifier.update(data);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
