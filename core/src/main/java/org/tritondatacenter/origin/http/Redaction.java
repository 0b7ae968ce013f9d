package org.tritondatacenter.origin.http;

import java.util.Locale;
import java.util.regex.Pattern;

/** Removes signatures from what the HTTP trace prints. */
final class Redaction {
  static final String REDACTED = "[redacted]";

  // A Manta signed URL carries its signature in the query; it grants access until it expires.
  private static final Pattern URL_SIGNATURE =
      Pattern.compile("([?&]signature=)[^&\\s\"]*", Pattern.CASE_INSENSITIVE);
  private static final Pattern HEADER_SIGNATURE =
      Pattern.compile("(signature=\")[^\"]*(\")", Pattern.CASE_INSENSITIVE);

  private Redaction() {}

  /** Returns {@code url} with the value of any {@code signature} query parameter replaced. */
  static String url(String url) {
    return URL_SIGNATURE.matcher(url).replaceAll("$1" + REDACTED);
  }

  /** Returns a header value fit for printing: credentials removed, signed URLs redacted. */
  static String header(String name, String value) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("authorization") || lower.equals("proxy-authorization")) {
      // Keep keyId and algorithm, which help debugging; the signature is what must not leak.
      String kept = HEADER_SIGNATURE.matcher(value).replaceAll("$1" + REDACTED + "$2");
      return kept.equals(value) ? REDACTED : kept;
    }
    if (lower.equals("cookie") || lower.equals("set-cookie")) {
      return REDACTED;
    }
    return url(value);
  }
}
