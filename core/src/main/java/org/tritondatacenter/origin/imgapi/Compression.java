package org.tritondatacenter.origin.imgapi;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** How an image file is compressed, as the {@code compression} of AddImageFile names it. */
public enum Compression {
  /** gzip, as CloudAPI's ExportImage writes ({@code .zfs.gz}). */
  GZIP("gzip"),
  /** bzip2. */
  BZIP2("bzip2"),
  /** xz, newer than the IMGAPI docs, which list three values. */
  XZ("xz"),
  /** Not compressed. */
  NONE("none");

  private final String wireName;

  Compression(String wireName) {
    this.wireName = wireName;
  }

  /** Returns the value IMGAPI takes, such as {@code gzip}. */
  public String wireName() {
    return wireName;
  }

  /**
   * Returns the compression named {@code value}.
   *
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public static Compression fromWireName(String value) {
    Objects.requireNonNull(value, "compression == null");
    for (Compression c : values()) {
      if (c.wireName.equals(value)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "compression '"
            + value
            + "' is not one IMGAPI accepts; use one of "
            + Arrays.stream(values()).map(Compression::wireName).collect(Collectors.joining(", ")));
  }

  /**
   * Guesses the compression from a file name or URL path the way {@code updates-imgadm} does:
   * {@code .gz} and {@code .tgz} are gzip, {@code .bz2} bzip2, {@code .xz} xz, anything else none.
   */
  public static Compression fromFileName(String name) {
    String lower = Objects.requireNonNull(name, "name == null").toLowerCase(Locale.ROOT);
    if (lower.endsWith(".gz") || lower.endsWith(".tgz")) {
      return GZIP;
    }
    if (lower.endsWith(".bz2")) {
      return BZIP2;
    }
    if (lower.endsWith(".xz")) {
      return XZ;
    }
    return NONE;
  }
}
