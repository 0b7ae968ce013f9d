package org.tritondatacenter.origin.imgapi;

import java.util.Map;

/**
 * One file of an image, an entry of the manifest's {@code files}: what AddImageFile recorded and
 * GetImageFile serves.
 *
 * @param sha1 the SHA-1 of the file in lowercase hex, or null when not given
 * @param size the size in bytes, or null when not given
 * @param compression {@code gzip}, {@code bzip2}, {@code xz} or {@code none}, or null
 * @param datasetGuid the ZFS dataset GUID, or null
 */
public record ImageFile(String sha1, Long size, String compression, String datasetGuid) {

  /** Returns true when both the SHA-1 and the size are known, so a transfer can be verified. */
  public boolean isVerifiable() {
    return sha1 != null && size != null;
  }

  /**
   * Reads one {@code files} entry.
   *
   * @throws IllegalArgumentException when a field has the wrong type, naming it
   */
  static ImageFile from(Map<String, Object> file, String where) {
    FieldReader r = new FieldReader(file, where);
    return new ImageFile(
        r.text("sha1"), r.whole("size"), r.text("compression"), r.text("dataset_guid"));
  }
}
