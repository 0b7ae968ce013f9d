package org.tritondatacenter.origin.testkit.junit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tritondatacenter.origin.testkit.TestKey;
import org.tritondatacenter.origin.testkit.http.RequestRecord;

/**
 * Derives the secrets of a local Triton: the lines of its private keys and the signature values
 * seen in its request log ({@code Authorization} headers and signed URLs).
 */
final class TritonSecrets {
  static final String PRIVATE_KEY = "private key line";
  static final String SIGNATURE = "signature value";

  private static final Pattern BASE64_LINE = Pattern.compile("[A-Za-z0-9+/=]{16,}");
  private static final Pattern HEADER_SIGNATURE = Pattern.compile("signature=\"([^\"]+)\"");
  private static final Pattern URL_SIGNATURE = Pattern.compile("[?&]signature=([^&]+)");

  private TritonSecrets() {}

  /**
   * Returns each base64 line of 16 or more characters of the private key text, except lines that
   * also occur in the public key: a private key file repeats public parts (the RSA modulus, the
   * public blob of the OpenSSH format), and printing the public key is no leak.
   */
  static List<Secret> privateKeyLines(String privateKeyText, String publicKeyLine) {
    byte[] publicBlob = publicBlob(publicKeyLine);
    List<Secret> secrets = new ArrayList<>();
    for (String raw : privateKeyText.split("\\R")) {
      String line = raw.trim();
      if (!BASE64_LINE.matcher(line).matches()) {
        continue;
      }
      if (publicKeyLine != null && publicKeyLine.contains(line)) {
        continue;
      }
      if (publicBlob != null && decodedWithin(line, publicBlob)) {
        continue;
      }
      secrets.add(new Secret(PRIVATE_KEY, line));
    }
    return secrets;
  }

  static List<Secret> of(List<TestKey> keys, List<RequestRecord> requests) {
    List<Secret> secrets = new ArrayList<>();
    for (TestKey key : keys) {
      secrets.addAll(privateKeyLines(key.privateKeyText(), key.publicKeyLine()));
    }
    for (RequestRecord request : requests) {
      String authorization = request.header("Authorization");
      if (authorization != null) {
        Matcher m = HEADER_SIGNATURE.matcher(authorization);
        while (m.find()) {
          addSignature(secrets, m.group(1));
        }
      }
      Matcher m = URL_SIGNATURE.matcher(request.pathAndQuery());
      while (m.find()) {
        addSignature(secrets, m.group(1));
        addSignature(secrets, URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
      }
    }
    return secrets;
  }

  private static void addSignature(List<Secret> secrets, String value) {
    if (value.length() >= Secret.MIN_LENGTH) {
      secrets.add(new Secret(SIGNATURE, value));
    }
  }

  private static byte[] publicBlob(String publicKeyLine) {
    if (publicKeyLine == null) {
      return null;
    }
    String[] parts = publicKeyLine.trim().split("\\s+");
    try {
      return parts.length > 1 ? Base64.getDecoder().decode(parts[1]) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean decodedWithin(String line, byte[] blob) {
    if (line.length() % 4 != 0) {
      return false;
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(line);
    } catch (IllegalArgumentException e) {
      return false;
    }
    outer:
    for (int i = 0; i + bytes.length <= blob.length; i++) {
      for (int j = 0; j < bytes.length; j++) {
        if (blob[i + j] != bytes[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
