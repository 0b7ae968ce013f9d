package org.tritondatacenter.origin.manta;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.tritondatacenter.origin.http.ApiResponse;

/** Reads the headers Manta answers {@code HEAD} and {@code GET} with. */
final class MantaHeaders {
  private MantaHeaders() {}

  /** Returns true when the content type is the one Manta gives directories. */
  static boolean isDirectory(String contentType) {
    return contentType != null
        && contentType.toLowerCase(Locale.ROOT).replace(" ", "").contains("type=directory");
  }

  /** Describes the object or directory at {@code path} from the answer's headers. */
  static MantaObject objectOf(MantaPath path, ApiResponse response) {
    String contentType = response.header("Content-Type");
    boolean directory = isDirectory(contentType);
    Map<String, String> metadata = new TreeMap<>();
    for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (name.startsWith("m-") && !header.getValue().isEmpty()) {
        metadata.put(name, header.getValue().get(header.getValue().size() - 1));
      }
    }
    return new MantaObject(
        path,
        directory ? EntryType.DIRECTORY : EntryType.OBJECT,
        directory ? -1 : longOrMinusOne(response.header("Content-Length")),
        directory ? null : emptyToNull(response.header("Content-MD5")),
        emptyToNull(response.header("Etag")),
        emptyToNull(contentType),
        integerOrNull(response.header("Durability-Level")),
        instantOrNull(response.header("Last-Modified")),
        metadata);
  }

  static long longOrMinusOne(String value) {
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Integer integerOrNull(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Instant instantOrNull(String value) {
    if (value == null) {
      return null;
    }
    try {
      return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static String emptyToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
