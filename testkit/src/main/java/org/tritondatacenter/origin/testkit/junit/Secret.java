package org.tritondatacenter.origin.testkit.junit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A value that must never appear in output, with the kind of secret it is ("passphrase", "private
 * key line", ...). Besides the value as is, its JSON-escaped and URL-encoded forms count, because
 * {@code --json} output and URLs carry secrets in those forms.
 */
record Secret(String kind, String value) {
  /** Values shorter than this would match ordinary text by chance. */
  static final int MIN_LENGTH = 6;

  Secret {
    if (value == null || value.length() < MIN_LENGTH) {
      throw new IllegalArgumentException(
          "a "
              + kind
              + " to guard must have at least "
              + MIN_LENGTH
              + " characters; a shorter one would match ordinary output by chance");
    }
  }

  /** Returns the forms in which the secret may appear. */
  Set<String> forms() {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(value);
    forms.add(jsonEscaped(value));
    forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
    forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
    return forms;
  }

  /** Never shows the value. */
  @Override
  public String toString() {
    return "Secret[" + kind + "]";
  }

  private static String jsonEscaped(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
