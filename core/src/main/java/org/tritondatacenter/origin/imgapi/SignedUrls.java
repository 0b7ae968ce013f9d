package org.tritondatacenter.origin.imgapi;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Keeps the query of a file URL out of messages. The URL given to AddImageFileFromUrl is usually a
 * Manta signed URL, whose {@code signature} grants access to the file until it expires.
 */
final class SignedUrls {
  private static final Pattern SIGNATURE =
      Pattern.compile("(signature=)[^&\\s\"']*", Pattern.CASE_INSENSITIVE);

  private SignedUrls() {}

  /** Describes {@code url} by scheme, host, port and path, leaving out the query and user info. */
  static String describe(URI url) {
    StringBuilder sb = new StringBuilder();
    if (url.getScheme() != null) {
      sb.append(url.getScheme()).append("://");
    }
    if (url.getHost() != null) {
      sb.append(url.getHost());
    }
    if (url.getPort() != -1) {
      sb.append(':').append(url.getPort());
    }
    if (url.getRawPath() != null) {
      sb.append(url.getRawPath());
    }
    if (url.getRawQuery() != null) {
      sb.append("?...");
    }
    return sb.toString();
  }

  /** Returns {@code text} with {@code url} replaced by its description and signatures removed. */
  static String redact(String text, URI url) {
    if (text == null) {
      return null;
    }
    String redacted = text.replace(url.toString(), describe(url));
    return SIGNATURE.matcher(redacted).replaceAll("$1[redacted]");
  }
}
