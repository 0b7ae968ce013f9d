package org.tritondatacenter.origin.manta;

import java.util.Objects;

/**
 * What a verified {@code PutObject} stored: the MD5 Manta computed matched the one computed while
 * sending.
 *
 * @param path where the object was stored
 * @param etag the object id Manta assigned (a UUID, usable with {@code If-Match}), or null
 * @param md5Hex the MD5 of the bytes, lowercase hex
 * @param md5Base64 the same MD5 in base64, as Manta's {@code computed-md5} carries it
 * @param size the number of bytes stored
 */
public record PutObjectResult(
    MantaPath path, String etag, String md5Hex, String md5Base64, long size) {

  /** Validates the fields. */
  public PutObjectResult {
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(md5Hex, "md5Hex == null");
    Objects.requireNonNull(md5Base64, "md5Base64 == null");
  }
}
