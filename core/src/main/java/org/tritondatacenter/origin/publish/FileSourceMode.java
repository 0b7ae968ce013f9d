package org.tritondatacenter.origin.publish;

import java.util.Locale;

/** How an image file reaches IMGAPI: the {@code fileSource} step parameter. */
public enum FileSourceMode {
  /**
   * A signed URL when the file is in Manta over https, since IMGAPI then fetches it itself and the
   * bytes do not pass through here; streaming otherwise, and once more by streaming when IMGAPI
   * cannot download the URL.
   */
  AUTO,
  /** Streamed through this process: Manta (or disk) to IMGAPI AddImageFile, with no temp file. */
  STREAM,
  /** A signed Manta URL handed to IMGAPI AddImageFileFromUrl; the file must be in Manta. */
  URL;

  /**
   * Returns the mode named {@code value}: {@code auto}, {@code stream} or {@code url}.
   *
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public static FileSourceMode fromName(String value) {
    for (FileSourceMode mode : values()) {
      if (mode.name().equalsIgnoreCase(value)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "fileSource '" + value + "' is not one of auto, stream, url");
  }

  /** Returns the name used in step parameters, such as {@code auto}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
