package org.tritondatacenter.origin.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs requests the way Triton expects ({@code date} only, rsa-sha256) with a throwaway JCA RSA
 * key, and verifies such headers independently of the code under test.
 */
final class TestAuthorizer implements RequestAuthorizer {
  static final String KEY_ID = "/alice/keys/9f:0b:50:ae:e3:da:f6:eb:b5:71:9a:69:ee:79:9e:c2";
  private static final Pattern SIGNATURE = Pattern.compile("signature=\"([^\"]+)\"");
  private static final KeyPair KEYS = generate();

  private final List<String> signedTargets = new ArrayList<>();

  @Override
  public synchronized String authorization(String date, String method, String pathAndQuery) {
    signedTargets.add(method + " " + pathAndQuery);
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(KEYS.getPrivate());
      rsa.update(("date: " + date).getBytes(StandardCharsets.UTF_8));
      String signature = Base64.getEncoder().encodeToString(rsa.sign());
      return "Signature keyId=\""
          + KEY_ID
          + "\",algorithm=\"rsa-sha256\",headers=\"date\",signature=\""
          + signature
          + "\"";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  synchronized List<String> signedTargets() {
    return List.copyOf(signedTargets);
  }

  /** Returns true when {@code authorization} is a valid signature of {@code date: <date>}. */
  static boolean verifies(String authorization, String date) throws GeneralSecurityException {
    Matcher m = SIGNATURE.matcher(authorization);
    if (!m.find()) {
      return false;
    }
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(KEYS.getPublic());
    rsa.update(("date: " + date).getBytes(StandardCharsets.UTF_8));
    return rsa.verify(Base64.getDecoder().decode(m.group(1)));
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
