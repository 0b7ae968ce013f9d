package org.tritondatacenter.origin.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The two fingerprints of an SSH public key, exactly as {@code ssh-keygen -l -E md5|sha256} prints
 * them: MD5 as lowercase colon hex ({@code 9f:0b:...}, without the {@code MD5:} prefix) and SHA-256
 * as {@code SHA256:<base64 without padding>}. Both are digests of the SSH wire-format public key
 * blob (RFC 4253 section 6.6).
 *
 * <p>The services match keys by the MD5 form, so key ids always carry it; users may name a key in
 * either form.
 *
 * @param md5 the MD5 fingerprint in lowercase colon hex
 * @param sha256 the SHA-256 fingerprint with its {@code SHA256:} prefix
 */
public record Fingerprint(String md5, String sha256) {
  private static final Pattern MD5 = Pattern.compile("([0-9a-f]{2}:){15}[0-9a-f]{2}");
  private static final Pattern MD5_SPEC =
      Pattern.compile("(?i)(MD5:)?([0-9a-f]{2}:){15}[0-9a-f]{2}");
  private static final Pattern SHA256 = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}");
  private static final Pattern SHA256_SPEC = Pattern.compile("(?i:SHA256:)[A-Za-z0-9+/]{43}=?");

  /** Checks both forms, so a fingerprint in a message or a key id is always well formed. */
  public Fingerprint {
    Objects.requireNonNull(md5, "md5");
    Objects.requireNonNull(sha256, "sha256");
    if (!MD5.matcher(md5).matches()) {
      throw new IllegalArgumentException(
          "MD5 fingerprint '" + md5 + "' is not 16 lowercase hex pairs joined by colons");
    }
    if (!SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException(
          "SHA-256 fingerprint '" + sha256 + "' is not SHA256: and 43 base64 characters");
    }
  }

  /**
   * Computes both fingerprints of an SSH wire-format public key blob, the bytes that the second
   * field of a {@code .pub} line encodes in base64.
   */
  public static Fingerprint ofPublicKeyBlob(byte[] sshWireBlob) {
    Objects.requireNonNull(sshWireBlob, "sshWireBlob");
    byte[] md5 = digest("MD5", sshWireBlob);
    StringBuilder hex = new StringBuilder(47);
    for (byte b : md5) {
      if (hex.length() > 0) {
        hex.append(':');
      }
      hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    String sha =
        Base64.getEncoder().withoutPadding().encodeToString(digest("SHA-256", sshWireBlob));
    return new Fingerprint(hex.toString(), "SHA256:" + sha);
  }

  /**
   * Returns whether the spec names this key: {@code aa:bb:...} or {@code MD5:aa:bb:...} (hex in any
   * case), or {@code SHA256:...} (base64 is case-sensitive; a trailing {@code =} is ignored).
   * Surrounding blanks are ignored; anything else matches nothing.
   */
  public boolean matches(String spec) {
    if (spec == null) {
      return false;
    }
    String s = spec.strip();
    if (SHA256_SPEC.matcher(s).matches()) {
      return sha256.substring(7).equals(s.substring(7, 50));
    }
    if (MD5_SPEC.matcher(s).matches()) {
      return md5.equals(s.substring(s.length() - 47).toLowerCase(Locale.ROOT));
    }
    return false;
  }

  /** Returns whether the text has the shape of a fingerprint spec that {@link #matches} reads. */
  static boolean isSpec(String text) {
    String s = text.strip();
    return SHA256_SPEC.matcher(s).matches() || MD5_SPEC.matcher(s).matches();
  }

  private static byte[] digest(String algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm).digest(data);
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide MD5 and SHA-256 (MessageDigest's documented minimum).
      throw new IllegalStateException(algorithm + " is missing from this Java runtime", e);
    }
  }
}
