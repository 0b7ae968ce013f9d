package org.tritondatacenter.origin.testkit.junit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.tritondatacenter.origin.testkit.KeyKind;
import org.tritondatacenter.origin.testkit.TestKey;

/** A real RSA key in PKCS#8 PEM with its OpenSSH public line, and made-up signature values. */
final class FakeKeys {
  static final TestKey KEY = generate();
  static final String SIGNATURE = "c2lnbmF0dXJlLXZhbHVlLW9mLWEtcmVxdWVzdA+/Q==";
  static final String URL_SIGNATURE = "dXJsLXNpZ25hdHVyZS12YWx1ZQ+/x==";
  static final String URL_SIGNATURE_ENCODED = "dXJsLXNpZ25hdHVyZS12YWx1ZQ%2B%2Fx%3D%3D";

  private FakeKeys() {}

  /** Returns a base64 line from the middle of the private key (pure private material). */
  static String privateLine() {
    String[] lines = KEY.privateKeyText().split("\n");
    return lines[lines.length / 2];
  }

  private static TestKey generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      String pem =
          "-----BEGIN PRIVATE KEY-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                  .encodeToString(pair.getPrivate().getEncoded())
              + "\n-----END PRIVATE KEY-----\n";
      String publicLine = "ssh-rsa " + sshBlob((RSAPublicKey) pair.getPublic()) + " test@fake";
      return new TestKey(KeyKind.RSA, pem, publicLine, "00:11", "SHA256:fake", null);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sshBlob(RSAPublicKey key) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      byte[] type = "ssh-rsa".getBytes(StandardCharsets.US_ASCII);
      out.writeInt(type.length);
      out.write(type);
      byte[] e = key.getPublicExponent().toByteArray();
      out.writeInt(e.length);
      out.write(e);
      byte[] n = key.getModulus().toByteArray();
      out.writeInt(n.length);
      out.write(n);
      return Base64.getEncoder().encodeToString(bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
