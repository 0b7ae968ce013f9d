package org.tritondatacenter.origin.testkit.auth;

/**
 * CloudAPI's version gate for sub-user keyIds: they are accepted only when the request's {@code
 * Accept-Version} range reaches 7.2.0 or later (sdc-cloudapi lib/auth.js: {@code
 * semver.satisfies('7.2.0', v) || semver.ltr('7.2.0', v)}, which fails only when every version the
 * range allows is below 7.2.0).
 */
final class AcceptVersions {
  private static final int[] SUB_USERS_SINCE = {7, 2, 0};

  private AcceptVersions() {}

  /**
   * Returns true when the range allows some version at or above 7.2.0. An absent header means
   * {@code *}. Range forms beyond {@code *}, {@code X[.Y[.Z]]}, {@code ~}, {@code ^}, {@code x}
   * wildcards, comparators and {@code ||} are given the benefit of the doubt.
   */
  static boolean allowSubUserKeyIds(String range) {
    if (range == null || range.isBlank()) {
      return true;
    }
    for (String alternative : range.split("\\|\\|")) {
      if (reachesSubUsers(alternative.strip())) {
        return true;
      }
    }
    return false;
  }

  private static boolean reachesSubUsers(String alt) {
    if (alt.isEmpty() || alt.equals("*") || alt.startsWith(">") || alt.contains(" ")) {
      return true;
    }
    boolean tilde = alt.startsWith("~");
    boolean caret = alt.startsWith("^");
    boolean below = alt.startsWith("<");
    boolean belowOrAt = alt.startsWith("<=");
    String v = alt.replaceFirst("^[~^<=v]+", "");
    String[] parts = v.split("\\.");
    int[] n = new int[3];
    int given = 0;
    for (int i = 0; i < Math.min(parts.length, 3); i++) {
      if (parts[i].equals("x") || parts[i].equals("X") || parts[i].equals("*")) {
        break;
      }
      try {
        n[i] = Integer.parseInt(parts[i].replaceFirst("-.*$", ""));
      } catch (NumberFormatException e) {
        return true;
      }
      given++;
    }
    if (given == 0) {
      return !below;
    }
    if (below) {
      int c = compare(n, SUB_USERS_SINCE);
      return belowOrAt ? c >= 0 : c > 0;
    }
    // The exclusive upper bound of the range, compared with 7.2.0.
    int[] upper;
    if (caret || given == 1) {
      upper = new int[] {n[0] + 1, 0, 0};
    } else if (tilde || given == 2) {
      upper = new int[] {n[0], n[1] + 1, 0};
    } else {
      return compare(n, SUB_USERS_SINCE) >= 0;
    }
    return compare(upper, SUB_USERS_SINCE) > 0;
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
