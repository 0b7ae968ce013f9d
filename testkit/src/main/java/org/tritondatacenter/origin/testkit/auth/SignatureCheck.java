package org.tritondatacenter.origin.testkit.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.Locale;

/**
 * Checks one signature with the JCA: RSA PKCS#1 v1.5 and ECDSA with ASN.1 DER signatures, each with
 * the hash the algorithm names. Shares no code with any signer.
 */
final class SignatureCheck {
  private SignatureCheck() {}

  /**
   * Returns true when {@code signatureBase64} is a valid signature of {@code signingString} by
   * {@code key} under {@code algorithm} ({@code rsa-sha256}, {@code ecdsa-sha512} ...). A key of
   * another type than the algorithm's, an unknown hash or undecodable bytes all give false, as a
   * mismatch does in http-signature.
   */
  static boolean verify(
      String algorithm, SshPublicKey key, String signingString, String signatureBase64) {
    String jca = jcaName(algorithm.toLowerCase(Locale.ROOT), key.type());
    if (jca == null || key.publicKey() == null) {
      return false;
    }
    byte[] signature;
    try {
      // Node's base64 decoding is lenient about line breaks; the MIME decoder is too.
      signature = Base64.getMimeDecoder().decode(signatureBase64);
    } catch (IllegalArgumentException e) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance(jca);
      verifier.initVerify(key.publicKey());
      verifier.update(signingString.getBytes(StandardCharsets.UTF_8));
      return verifier.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // Malformed DER or a wrong-length RSA signature: not a match.
      return false;
    }
  }

  private static String jcaName(String algorithm, SshKeyType type) {
    int dash = algorithm.indexOf('-');
    if (dash < 0) {
      return null;
    }
    String keyType = algorithm.substring(0, dash);
    String hash =
        switch (algorithm.substring(dash + 1)) {
          case "sha1" -> "SHA1";
          case "sha256" -> "SHA256";
          case "sha384" -> "SHA384";
          case "sha512" -> "SHA512";
          default -> null;
        };
    if (hash == null) {
      return null;
    }
    if (keyType.equals("rsa") && type == SshKeyType.RSA) {
      return hash + "withRSA";
    }
    if (keyType.equals("ecdsa") && type.isEcdsa()) {
      return hash + "withECDSA";
    }
    return null;
  }
}
