package org.tritondatacenter.origin.testkit.manta;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.tritondatacenter.origin.testkit.http.Exchange;
import org.tritondatacenter.origin.testkit.http.Fault;

/** Header and date formats of Manta's answers. */
final class MantaHeaders {
  static final String DIRECTORY_TYPE = "application/json; type=directory";
  static final String LINK_TYPE = "application/json; type=link";
  static final String LISTING_TYPE = "application/x-json-stream; type=directory";
  static final String DEFAULT_OBJECT_TYPE = "application/octet-stream";

  /** muskie stores {@code m-*} headers up to 4 KB in all. */
  private static final int MAX_USER_HEADER_BYTES = 4 * 1024;

  private static final Pattern USER_HEADER = Pattern.compile("^m-\\w+.*");
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private MantaHeaders() {}

  static String httpDate(Instant instant) {
    return HTTP_DATE.format(instant);
  }

  /** Formats a listing's {@code mtime} as JavaScript's {@code toISOString()} does. */
  static String isoMillis(Instant instant) {
    return ISO_MILLIS.format(instant);
  }

  /** Parses an HTTP date, or returns null when it is not one (such a condition is ignored). */
  static Instant parseHttpDate(String value) {
    try {
      return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Returns the request's content type with spaces removed and lower-cased, or "". */
  static String contentTypeKey(Exchange exchange) {
    String type = exchange.header("Content-Type");
    return type == null ? "" : type.replace(" ", "").toLowerCase(Locale.ROOT);
  }

  static boolean isDirectoryType(Exchange exchange) {
    return contentTypeKey(exchange).equals(DIRECTORY_TYPE.replace(" ", ""));
  }

  static boolean isLinkType(Exchange exchange) {
    return contentTypeKey(exchange).equals(LINK_TYPE.replace(" ", ""));
  }

  /** Returns the request's {@code m-*} headers, lower-cased, as muskie stores them. */
  static Map<String, String> userHeaders(Exchange exchange) {
    Map<String, String> headers = new LinkedHashMap<>();
    int bytes = 0;
    for (Map.Entry<String, String> h : exchange.headerList()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (USER_HEADER.matcher(name).matches()) {
        bytes += h.getValue().getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MAX_USER_HEADER_BYTES) {
          headers.put(name, h.getValue());
        }
      }
    }
    return headers;
  }

  /**
   * Sets {@code name} to an MD5 as the injected checksum fault says: as is, wrong, or not at all.
   */
  static void md5Header(Exchange exchange, String name, String md5) {
    Fault.Checksum fault = exchange.checksumFault();
    if (md5 == null || fault == Fault.Checksum.OMIT) {
      return;
    }
    exchange.responseHeader(name, fault == Fault.Checksum.WRONG ? wrong(md5) : md5);
  }

  private static String wrong(String md5) {
    byte[] bytes = java.util.Base64.getDecoder().decode(md5);
    bytes[0] ^= (byte) 0xff;
    return java.util.Base64.getEncoder().encodeToString(bytes);
  }
}
