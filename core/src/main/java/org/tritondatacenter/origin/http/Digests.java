package org.tritondatacenter.origin.http;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The byte count and digests of one pass over a body: what an upload attempt sent or a download
 * received. A digest that was not asked for is absent (its accessors return null).
 */
public final class Digests {
  private final long bytes;
  private final byte[] sha1;
  private final byte[] md5;

  Digests(long bytes, byte[] sha1, byte[] md5) {
    this.bytes = bytes;
    this.sha1 = sha1;
    this.md5 = md5;
  }

  /** Returns the number of bytes that passed. */
  public long bytes() {
    return bytes;
  }

  /** Returns the SHA-1 digest, or null when it was not computed. */
  public byte[] sha1() {
    return sha1 == null ? null : sha1.clone();
  }

  /** Returns the MD5 digest, or null when it was not computed. */
  public byte[] md5() {
    return md5 == null ? null : md5.clone();
  }

  /** Returns the SHA-1 in lowercase hex, as IMGAPI and {@code sha1sum} print it, or null. */
  public String sha1Hex() {
    return sha1 == null ? null : HexFormat.of().formatHex(sha1);
  }

  /** Returns the MD5 in base64, as Manta's {@code computed-md5} carries it, or null. */
  public String md5Base64() {
    return md5 == null ? null : Base64.getEncoder().encodeToString(md5);
  }

  /** Returns the MD5 in lowercase hex, or null. */
  public String md5Hex() {
    return md5 == null ? null : HexFormat.of().formatHex(md5);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Digests d
        && d.bytes == bytes
        && Arrays.equals(d.sha1, sha1)
        && Arrays.equals(d.md5, md5);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(bytes) * 31 + Arrays.hashCode(sha1) * 17 + Arrays.hashCode(md5);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Digests[").append(bytes).append(" bytes");
    if (sha1 != null) {
      sb.append(", sha1 ").append(sha1Hex());
    }
    if (md5 != null) {
      sb.append(", md5 ").append(md5Base64());
    }
    return sb.append(']').toString();
  }
}
