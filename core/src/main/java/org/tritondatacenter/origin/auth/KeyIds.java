package org.tritondatacenter.origin.auth;

import java.util.Objects;

/**
 * Builds the {@code keyId} of an HTTP Signature for each service. CloudAPI and Manta name the key
 * by account and MD5 fingerprint but differ for sub-users; standalone IMGAPI wants only the user
 * name and tries every key of that user.
 */
public final class KeyIds {
  private KeyIds() {}

  /**
   * Returns the CloudAPI keyId: {@code /<login>/keys/<md5>}, or {@code
   * /<login>/users/<subUser>/keys/<md5>} for a sub-user (which needs API version 7.2.0 or later).
   */
  public static String cloudApi(String login, String subUserOrNull, Fingerprint fp) {
    String account = segment("login", login);
    String md5 = Objects.requireNonNull(fp, "fingerprint").md5();
    return subUserOrNull == null
        ? "/" + account + "/keys/" + md5
        : "/" + account + "/users/" + segment("sub-user", subUserOrNull) + "/keys/" + md5;
  }

  /**
   * Returns the Manta keyId: {@code /<login>/keys/<md5>}, or {@code /<login>/<subUser>/keys/<md5>}
   * for a sub-user (no {@code users} segment, unlike CloudAPI).
   */
  public static String manta(String login, String subUserOrNull, Fingerprint fp) {
    String account = segment("login", login);
    String md5 = Objects.requireNonNull(fp, "fingerprint").md5();
    return subUserOrNull == null
        ? "/" + account + "/keys/" + md5
        : "/" + account + "/" + segment("sub-user", subUserOrNull) + "/keys/" + md5;
  }

  /** Returns the IMGAPI keyId: the bare user name, such as {@code mg}. */
  public static String imgapi(String user) {
    return segment("user", user);
  }

  /**
   * Checks a name that goes into a keyId. A slash would shift the path segments the servers split
   * on; a quote, backslash or control character would break the header's quoting.
   */
  private static String segment(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("The " + field + " for the keyId is empty; give one.");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '/'
          || c == '"'
          || c == '\\'
          || Character.isWhitespace(c)
          || Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            "The "
                + field
                + " '"
                + value.replaceAll("\\p{Cntrl}", "?")
                + "' cannot go into a keyId: it contains a slash, quote, backslash or blank.");
      }
    }
    return value;
  }
}
