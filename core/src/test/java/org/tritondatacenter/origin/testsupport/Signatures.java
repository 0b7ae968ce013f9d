package org.tritondatacenter.origin.testsupport;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks HTTP Signature values out of what a client sent: the {@code signature="..."} parameter of
 * an {@code Authorization} header and the {@code signature} query parameter of a Manta pre-signed
 * URL, as sent and URL-decoded.
 */
final class Signatures {
  /** Shorter values would match ordinary output by chance (the guard's own minimum). */
  private static final int MIN_LENGTH = 6;

  private static final Pattern HEADER = Pattern.compile("signature=\"([^\"]+)\"");
  private static final Pattern URL = Pattern.compile("[?&]signature=([^&#]+)");

  private Signatures() {}

  /**
   * Adds the signature values of an {@code Authorization} header (null for none) to {@code into}.
   */
  static void fromAuthorization(String header, Set<String> into) {
    if (header != null) {
      Matcher m = HEADER.matcher(header);
      while (m.find()) {
        add(m.group(1), into);
      }
    }
  }

  /** Adds the signature values of a request target or URL (null for none) to {@code into}. */
  static void fromTarget(String target, Set<String> into) {
    if (target != null) {
      Matcher m = URL.matcher(target);
      while (m.find()) {
        add(m.group(1), into);
        try {
          add(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8), into);
        } catch (IllegalArgumentException e) {
          // Not valid percent-encoding: the value as sent is all there is.
        }
      }
    }
  }

  private static void add(String value, Set<String> into) {
    if (value.length() >= MIN_LENGTH) {
      into.add(value);
    }
  }
}
