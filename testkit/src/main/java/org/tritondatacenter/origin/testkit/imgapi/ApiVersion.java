package org.tritondatacenter.origin.testkit.imgapi;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tritondatacenter.origin.testkit.http.ApiError;
import org.tritondatacenter.origin.testkit.http.Exchange;

/**
 * IMGAPI's {@code Accept-Version} negotiation (apis.md §4.3). The server offers API versions {@code
 * 1.0.0} and {@code 2.0.0}; a request without the header is pinned to {@code ~1}, which is why an
 * old client never sees the {@code channels} field. A range no offered version satisfies is refused
 * with 400 {@code InvalidVersion}, as restify does.
 *
 * <p>The range syntax is the node-semver subset clients send: {@code *}, {@code x}, exact and
 * partial versions, {@code ~}, {@code ^}, the comparison operators, space-separated conjunctions
 * and {@code ||} alternatives.
 */
final class ApiVersion {
  private static final List<int[]> OFFERED = List.of(new int[] {2, 0, 0}, new int[] {1, 0, 0});
  private static final Pattern COMPARATOR =
      Pattern.compile(
          "(<=|>=|<|>|=|~>?|\\^)?v?(\\*|[xX]|\\d+)(?:\\.(\\*|[xX]|\\d+))?"
              + "(?:\\.(\\*|[xX]|\\d+))?(?:[-+][0-9A-Za-z.+-]*)?");

  private ApiVersion() {}

  /**
   * Returns the major API version the request gets (1 or 2).
   *
   * @throws ApiError 400 {@code InvalidVersion} when no offered version satisfies the header
   */
  static int major(Exchange exchange) {
    String header = exchange.header("Accept-Version");
    String range = header == null || header.isBlank() ? "~1" : header.trim();
    for (int[] version : OFFERED) {
      if (satisfies(version, range)) {
        return version[0];
      }
    }
    throw new ApiError(
        400,
        "InvalidVersion",
        range + " is not supported by " + exchange.method() + " " + exchange.rawPath());
  }

  /** Returns true when the request's version includes the {@code channels} field in images. */
  static boolean withChannels(Exchange exchange) {
    return major(exchange) >= 2;
  }

  static boolean satisfies(int[] version, String range) {
    for (String alternative : range.split("\\|\\|")) {
      if (allMatch(version, alternative.trim())) {
        return true;
      }
    }
    return false;
  }

  private static boolean allMatch(int[] version, String conjunction) {
    if (conjunction.isEmpty()) {
      return true;
    }
    // ">= 1.0.0" is the same comparator as ">=1.0.0".
    String joined = conjunction.replaceAll("(<=|>=|<|>|=|~|\\^)\\s+", "$1");
    for (String token : joined.split("\\s+")) {
      if (!matches(version, token)) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(int[] version, String token) {
    Matcher m = COMPARATOR.matcher(token);
    if (!m.matches()) {
      return false;
    }
    String op = m.group(1) == null ? "" : m.group(1);
    Integer major;
    Integer minor;
    Integer patch;
    try {
      major = part(m.group(2));
      minor = part(m.group(3));
      patch = part(m.group(4));
    } catch (NumberFormatException tooLarge) {
      return false;
    }
    if (major == null) {
      return !op.equals("<") && !op.equals(">");
    }
    int[] low = {major, minor == null ? 0 : minor, patch == null ? 0 : patch};
    // The exclusive upper bound of the partial version: 1 -> 2.0.0, 1.2 -> 1.3.0.
    int[] next =
        minor == null
            ? new int[] {major + 1, 0, 0}
            : patch == null ? new int[] {major, minor + 1, 0} : new int[] {major, minor, patch + 1};
    return switch (op) {
      case "", "=" -> compare(version, low) >= 0 && compare(version, next) < 0;
      case ">=" -> compare(version, low) >= 0;
      case ">" -> compare(version, next) >= 0;
      case "<" -> compare(version, low) < 0;
      case "<=" -> compare(version, next) < 0;
      case "~", "~>" ->
          compare(version, low) >= 0
              && compare(version, minor == null ? next : new int[] {major, minor + 1, 0}) < 0;
      case "^" -> compare(version, low) >= 0 && compare(version, caretLimit(low, minor, patch)) < 0;
      default -> false;
    };
  }

  private static int[] caretLimit(int[] low, Integer minor, Integer patch) {
    if (low[0] > 0 || minor == null) {
      return new int[] {low[0] + 1, 0, 0};
    }
    if (low[1] > 0 || patch == null) {
      return new int[] {0, low[1] + 1, 0};
    }
    return new int[] {0, 0, low[2] + 1};
  }

  private static Integer part(String text) {
    if (text == null || text.equals("*") || text.equalsIgnoreCase("x")) {
      return null;
    }
    return Integer.valueOf(text);
  }

  private static int compare(int[] a, int[] b) {
    for (int i = 0; i < 3; i++) {
      if (a[i] != b[i]) {
        return Integer.compare(a[i], b[i]);
      }
    }
    return 0;
  }
}
