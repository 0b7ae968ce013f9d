package org.tritondatacenter.origin.testkit.cloudapi;

import java.util.List;
import org.tritondatacenter.origin.testkit.http.ApiError;

/**
 * A CloudAPI version, chosen per request from {@code Accept-Version} as restify does: the newest
 * server version the range allows ({@code ~9||~8}, {@code ~7.1}, {@code >=8}, {@code *}, {@code
 * 8.0.0}). An absent header means the newest.
 */
record ApiVersion(int major, int minor, int patch) implements Comparable<ApiVersion> {

  static final List<ApiVersion> SUPPORTED =
      List.of(
          new ApiVersion(7, 0, 0),
          new ApiVersion(7, 1, 0),
          new ApiVersion(7, 2, 0),
          new ApiVersion(7, 3, 0),
          new ApiVersion(8, 0, 0),
          new ApiVersion(9, 0, 0));

  static final ApiVersion LATEST = SUPPORTED.get(SUPPORTED.size() - 1);

  /** Returns the newest supported version {@code range} allows, or throws 400 InvalidVersion. */
  static ApiVersion negotiate(String range, String method, String path) {
    if (range == null || range.isBlank()) {
      return LATEST;
    }
    for (int i = SUPPORTED.size() - 1; i >= 0; i--) {
      if (satisfies(SUPPORTED.get(i), range)) {
        return SUPPORTED.get(i);
      }
    }
    throw ApiError.badRequest(
        "InvalidVersion",
        method
            + " "
            + path
            + " supports versions: "
            + String.join(", ", SUPPORTED.stream().map(ApiVersion::toString).toList()));
  }

  /**
   * Returns true from 8.0.0 on, where image {@code type} is {@code zone-dataset}, not a synonym.
   */
  boolean modernImageTypes() {
    return major >= 8;
  }

  /** Returns true from 7.1.0 on, where images carry owner, public, state, acl, origin, error. */
  boolean imageOwnership() {
    return compareTo(new ApiVersion(7, 1, 0)) >= 0;
  }

  static boolean satisfies(ApiVersion v, String range) {
    for (String alternative : range.split("\\|\\|")) {
      String trimmed = alternative.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      boolean all = true;
      for (String comparator : trimmed.split("\\s+")) {
        if (!matches(v, comparator)) {
          all = false;
          break;
        }
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(ApiVersion v, String comparator) {
    if (comparator.equals("*") || comparator.equalsIgnoreCase("x")) {
      return true;
    }
    for (String op : List.of(">=", "<=", ">", "<", "=", "~", "^", "v")) {
      if (comparator.startsWith(op)) {
        int[] parts = parse(comparator.substring(op.length()));
        if (parts == null) {
          return false;
        }
        ApiVersion bound = new ApiVersion(parts[0], Math.max(parts[1], 0), Math.max(parts[2], 0));
        return switch (op) {
          case ">=" -> v.compareTo(bound) >= 0;
          case "<=" -> v.compareTo(bound) <= 0;
          case ">" -> v.compareTo(bound) > 0;
          case "<" -> v.compareTo(bound) < 0;
          case "^" -> v.major == parts[0] && v.compareTo(bound) >= 0;
          case "~" ->
              v.major == parts[0]
                  && (parts[1] < 0 || v.minor == parts[1])
                  && v.compareTo(bound) >= 0;
          default -> prefix(v, parts);
        };
      }
    }
    int[] parts = parse(comparator);
    return parts != null && prefix(v, parts);
  }

  private static boolean prefix(ApiVersion v, int[] parts) {
    return v.major == parts[0]
        && (parts[1] < 0 || v.minor == parts[1])
        && (parts[2] < 0 || v.patch == parts[2]);
  }

  /** Parses {@code 8}, {@code 8.1} or {@code 8.1.0}; missing or {@code x} parts are -1. */
  private static int[] parse(String text) {
    String[] s = text.trim().split("\\.");
    if (s.length == 0 || s.length > 3) {
      return null;
    }
    int[] out = {-1, -1, -1};
    try {
      for (int i = 0; i < s.length; i++) {
        out[i] = s[i].equals("x") || s[i].equals("*") ? -1 : Integer.parseInt(s[i]);
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return out[0] < 0 ? null : out;
  }

  @Override
  public int compareTo(ApiVersion o) {
    if (major != o.major) {
      return Integer.compare(major, o.major);
    }
    if (minor != o.minor) {
      return Integer.compare(minor, o.minor);
    }
    return Integer.compare(patch, o.patch);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
