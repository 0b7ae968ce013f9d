package org.tritondatacenter.origin.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** RFC 1123 dates as HTTP uses them in {@code Date} and {@code Retry-After}. */
final class HttpDates {
  // Zero-padded day, as node's toUTCString() sends; the JDK's RFC_1123_DATE_TIME does not pad.
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private HttpDates() {}

  static String format(Instant instant) {
    return FORMAT.format(instant);
  }

  /** Parses an RFC 1123 date, padded or not; returns null when the value is not one. */
  static Instant parse(String value) {
    if (value == null) {
      return null;
    }
    try {
      return DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.trim(), Instant::from);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
