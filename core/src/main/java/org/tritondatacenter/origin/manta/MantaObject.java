package org.tritondatacenter.origin.manta;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * What Manta reports about an object or directory in the headers of a {@code HEAD} or {@code GET}.
 *
 * @param path the path asked for
 * @param type object or directory
 * @param size the object's length in bytes; -1 for a directory or when not reported
 * @param md5Base64 the stored MD5 ({@code content-md5}, base64), or null for a directory
 * @param etag the object id Manta uses for {@code If-Match}; a UUID, not a digest; may be null
 * @param contentType the stored content type, or null
 * @param durabilityLevel the number of copies ({@code durability-level}), or null
 * @param lastModified when the object was last written, or null
 * @param metadata the user metadata: every {@code m-*} header, names in lower case
 */
public record MantaObject(
    MantaPath path,
    EntryType type,
    long size,
    String md5Base64,
    String etag,
    String contentType,
    Integer durabilityLevel,
    Instant lastModified,
    Map<String, String> metadata) {

  /** Validates the fields and copies the metadata. */
  public MantaObject {
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(type, "type == null");
    metadata = Map.copyOf(metadata);
  }

  /** Returns true for a directory. */
  public boolean isDirectory() {
    return type == EntryType.DIRECTORY;
  }

  /** Returns the stored MD5 in lowercase hex, as {@code md5sum} prints it, or null. */
  public String md5Hex() {
    if (md5Base64 == null) {
      return null;
    }
    try {
      return HexFormat.of().formatHex(Base64.getDecoder().decode(md5Base64));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
