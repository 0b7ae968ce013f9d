package org.tritondatacenter.origin.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The digests the services check: SHA-1 for IMGAPI image files, MD5 for Manta objects. */
public enum DigestAlgorithm {
  /** SHA-1, which IMGAPI records as {@code files[0].sha1} (hex). */
  SHA1("SHA-1"),
  /** MD5, which Manta returns as {@code computed-md5} and {@code content-md5} (base64). */
  MD5("MD5");

  private final String jcaName;

  DigestAlgorithm(String jcaName) {
    this.jcaName = jcaName;
  }

  /** Returns a new, empty digest. */
  MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance(jcaName);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE has " + jcaName, e);
    }
  }
}
