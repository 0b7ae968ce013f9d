package org.tritondatacenter.origin.imgapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tritondatacenter.origin.auth.SigningKey;
import org.tritondatacenter.origin.auth.SshKeys;

/**
 * Test fixtures: the manifests next to these tests, and the RSA key of the {@code auth} fixtures
 * with an independent JCA check of the signatures made with it.
 */
final class Fixtures {
  /** The Authorization header IMGAPI takes: the bare user name as keyId, the date alone signed. */
  static final Pattern AUTHORIZATION =
      Pattern.compile(
          "Signature keyId=\"mg\",algorithm=\"rsa-sha256\",headers=\"date\","
              + "signature=\"([A-Za-z0-9+/]+=*)\"");

  private static final String KEYS = "/org/tritondatacenter/origin/auth/keys/";

  private Fixtures() {}

  static String text(String name) {
    try {
      return Files.readString(resource(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SigningKey rsaKey() {
    return SshKeys.load(resource(KEYS + "openssh-rsa"), null);
  }

  /**
   * Returns true when {@code authorization} has the IMGAPI shape and its signature verifies over
   * {@code date: <date>} with the public key read from the fixture's {@code .pub} file.
   */
  static boolean verifies(String authorization, String date) {
    Matcher m = AUTHORIZATION.matcher(authorization);
    if (!m.matches()) {
      return false;
    }
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(rsaPublicKey());
      rsa.update(("date: " + date).getBytes(StandardCharsets.UTF_8));
      return rsa.verify(Base64.getDecoder().decode(m.group(1)));
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Reads the {@code ssh-rsa} line: the blob holds the type, then e and n as SSH mpints. */
  private static PublicKey rsaPublicKey() throws GeneralSecurityException {
    String line = text(KEYS + "openssh-rsa.pub").trim();
    ByteBuffer blob = ByteBuffer.wrap(Base64.getDecoder().decode(line.split(" ")[1]));
    String type = new String(field(blob), StandardCharsets.US_ASCII);
    if (!type.equals("ssh-rsa")) {
      throw new IllegalStateException("not an RSA key: " + type);
    }
    BigInteger e = new BigInteger(field(blob));
    BigInteger n = new BigInteger(field(blob));
    return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
  }

  private static byte[] field(ByteBuffer blob) {
    byte[] bytes = new byte[blob.getInt()];
    blob.get(bytes);
    return bytes;
  }

  private static Path resource(String name) {
    String absolute = name.startsWith("/") ? name : "/org/tritondatacenter/origin/imgapi/" + name;
    try {
      return Path.of(Fixtures.class.getResource(absolute).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource " + absolute, e);
    }
  }
}
