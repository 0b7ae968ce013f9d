package org.tritondatacenter.origin.http;

import java.security.MessageDigest;
import java.util.Set;

/** The running digests of one pass over a body; a new pass gets a new hasher. */
final class Hasher {
  private final MessageDigest sha1;
  private final MessageDigest md5;
  private long bytes;

  Hasher(Set<DigestAlgorithm> algorithms) {
    this.sha1 = algorithms.contains(DigestAlgorithm.SHA1) ? DigestAlgorithm.SHA1.newDigest() : null;
    this.md5 = algorithms.contains(DigestAlgorithm.MD5) ? DigestAlgorithm.MD5.newDigest() : null;
  }

  void update(byte[] buffer, int offset, int length) {
    if (sha1 != null) {
      sha1.update(buffer, offset, length);
    }
    if (md5 != null) {
      md5.update(buffer, offset, length);
    }
    bytes += length;
  }

  long bytes() {
    return bytes;
  }

  /** Finishes the digests; call once, at the end of the pass. */
  Digests finish() {
    return new Digests(
        bytes, sha1 == null ? null : sha1.digest(), md5 == null ? null : md5.digest());
  }
}
