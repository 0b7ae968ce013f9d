package org.tritondatacenter.origin.testkit.cloudapi;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formats times as the Triton APIs do: ISO 8601 in UTC with milliseconds. */
final class Timestamps {
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  static String format(Instant instant) {
    return instant == null ? null : ISO.format(instant);
  }
}
