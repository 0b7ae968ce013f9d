package org.tritondatacenter.origin.testkit.auth;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads the dates clients put in {@code Date} and {@code x-date} headers. */
final class HttpDates {
  private HttpDates() {}

  /**
   * Parses an RFC 1123 date (with or without a zero-padded day, as JavaScript and Java write it) or
   * an ISO-8601 timestamp.
   *
   * @return the instant, or null when the value is neither
   */
  static Instant parse(String value) {
    String v = value.strip();
    try {
      return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      // fall through to ISO-8601
    }
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
