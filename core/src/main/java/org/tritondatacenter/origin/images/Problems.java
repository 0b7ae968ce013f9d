package org.tritondatacenter.origin.images;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects the problems found in one images.json text, so the reader can report all of them at once
 * instead of stopping at the first.
 */
final class Problems {
  private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final int QUOTE_LIMIT = 60;

  private final String file;
  private final List<ImagesJsonException.Problem> list = new ArrayList<>();

  Problems(String file) {
    this.file = file;
  }

  void add(String path, Location at, String message) {
    list.add(new ImagesJsonException.Problem(file, path, at.line(), at.column(), message));
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  int size() {
    return list.size();
  }

  /** Returns the problems in file order; those without a position come first. */
  List<ImagesJsonException.Problem> list() {
    return list.stream()
        .sorted(
            Comparator.comparingInt(ImagesJsonException.Problem::line)
                .thenComparingInt(ImagesJsonException.Problem::column))
        .toList();
  }

  static String index(String path, int i) {
    return path + "[" + i + "]";
  }

  static String key(String path, String key) {
    if (SIMPLE_KEY.matcher(key).matches()) {
      return path + "." + key;
    }
    return path + "['" + escape(key, Integer.MAX_VALUE).replace("'", "\\'") + "']";
  }

  /**
   * Quotes a user value for a message: control and non-ASCII characters are escaped, so a message
   * never carries a raw control character, and long values are cut.
   */
  static String quote(String value) {
    return "'" + escape(value, QUOTE_LIMIT) + "'";
  }

  private static String escape(String value, int limit) {
    StringBuilder sb = new StringBuilder();
    int shown = Math.min(value.length(), limit);
    for (int i = 0; i < shown; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c >= 0x7f) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    if (value.length() > limit) {
      sb.append("... (").append(value.length()).append(" characters)");
    }
    return sb.toString();
  }
}
