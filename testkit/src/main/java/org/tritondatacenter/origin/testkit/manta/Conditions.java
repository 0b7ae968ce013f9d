package org.tritondatacenter.origin.testkit.manta;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.tritondatacenter.origin.testkit.http.Exchange;

/**
 * Conditional requests as restify's {@code conditionalRequest()} handles them for muskie: {@code
 * If-Match} and {@code If-None-Match} compare Manta etags (object ids), and the date conditions
 * compare the entry's modification time.
 */
final class Conditions {
  private Conditions() {}

  /**
   * Checks the request's conditions against the entry's etag and mtime (both null when the entry
   * does not exist).
   *
   * @return true when a read should answer 304 Not Modified
   * @throws org.tritondatacenter.origin.testkit.http.ApiError 412 {@code PreconditionFailed}
   */
  static boolean check(Exchange exchange, String etag, Instant mtime, boolean read) {
    String ifMatch = exchange.header("If-Match");
    if (ifMatch != null && !matches(ifMatch, etag)) {
      throw MantaErrors.preconditionFailed(
          "if-match '" + ifMatch + "' didn't match etag '" + (etag == null ? "" : etag) + "'");
    }
    Instant seconds = mtime == null ? null : mtime.truncatedTo(ChronoUnit.SECONDS);
    String unmodified = exchange.header("If-Unmodified-Since");
    if (unmodified != null && seconds != null) {
      Instant date = MantaHeaders.parseHttpDate(unmodified);
      if (date != null && seconds.isAfter(date)) {
        throw MantaErrors.preconditionFailed(
            exchange.rawPath() + " was modified after " + unmodified);
      }
    }
    String ifNoneMatch = exchange.header("If-None-Match");
    if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
      if (read) {
        return true;
      }
      throw MantaErrors.preconditionFailed(
          "if-none-match '" + ifNoneMatch + "' matched etag '" + etag + "'");
    }
    String modified = exchange.header("If-Modified-Since");
    if (read && ifNoneMatch == null && modified != null && seconds != null) {
      Instant date = MantaHeaders.parseHttpDate(modified);
      return date != null && !seconds.isAfter(date);
    }
    return false;
  }

  private static boolean matches(String header, String etag) {
    if (etag == null) {
      return false;
    }
    for (String candidate : header.split(",")) {
      String tag = candidate.trim();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
        tag = tag.substring(1, tag.length() - 1);
      }
      if (tag.equals("*") || tag.equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
