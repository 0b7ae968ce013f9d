package org.tritondatacenter.origin.testkit.auth;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The SSH wire encoding of public keys (RFC 4253 §6.6: length-prefixed strings and mpints) and the
 * two fingerprint spellings computed from it.
 */
final class SshWire {
  private SshWire() {}

  /** Reads length-prefixed fields from a key blob, failing with a message on truncation. */
  static final class Reader {
    private final byte[] data;
    private int pos;

    Reader(byte[] data) {
      this.data = data;
    }

    byte[] bytes() {
      if (data.length - pos < 4) {
        throw new IllegalArgumentException("key data is truncated");
      }
      int len =
          ((data[pos] & 0xff) << 24)
              | ((data[pos + 1] & 0xff) << 16)
              | ((data[pos + 2] & 0xff) << 8)
              | (data[pos + 3] & 0xff);
      pos += 4;
      if (len < 0 || len > data.length - pos) {
        throw new IllegalArgumentException("key data is truncated");
      }
      byte[] out = Arrays.copyOfRange(data, pos, pos + len);
      pos += len;
      return out;
    }

    String string() {
      return new String(bytes(), StandardCharsets.US_ASCII);
    }

    BigInteger mpint() {
      byte[] b = bytes();
      if (b.length == 0) {
        throw new IllegalArgumentException("key data holds an empty number");
      }
      return new BigInteger(b);
    }

    boolean atEnd() {
      return pos == data.length;
    }
  }

  /** Builds a key blob from length-prefixed fields. */
  static final class Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Writer bytes(byte[] b) {
      int n = b.length;
      out.write(n >>> 24);
      out.write(n >>> 16);
      out.write(n >>> 8);
      out.write(n);
      out.write(b, 0, n);
      return this;
    }

    Writer string(String s) {
      return bytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    Writer mpint(BigInteger value) {
      // BigInteger's two's-complement bytes are exactly the SSH mpint form.
      return bytes(value.toByteArray());
    }

    byte[] toByteArray() {
      return out.toByteArray();
    }
  }

  /** Returns the MD5 fingerprint as the services match keys: lowercase colon-separated hex. */
  static String md5Fingerprint(byte[] blob) {
    byte[] digest = digest("MD5", blob);
    StringBuilder sb = new StringBuilder(digest.length * 3);
    for (byte b : digest) {
      if (sb.length() > 0) {
        sb.append(':');
      }
      sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return sb.toString();
  }

  /** Returns the fingerprint as OpenSSH prints it: {@code SHA256:} and unpadded base64. */
  static String sha256Fingerprint(byte[] blob) {
    return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest("SHA-256", blob));
  }

  private static byte[] digest(String algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is not available", e);
    }
  }
}
