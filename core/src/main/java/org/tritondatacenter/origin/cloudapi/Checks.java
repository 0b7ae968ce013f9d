package org.tritondatacenter.origin.cloudapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Input checks run before any request is sent. Each failure is an {@link IllegalArgumentException}
 * whose message names the field, quotes the value (control characters replaced, long values cut)
 * and says what is expected.
 */
final class Checks {
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** CloudAPI reads metadata only from keys matching {@code ^metadata\.\w} (lib/machines.js). */
  private static final Pattern METADATA_KEY = Pattern.compile("\\w.*", Pattern.DOTALL);

  private static final int MAX_QUOTED = 80;

  private Checks() {}

  /** Returns {@code value} in lower case when it is a UUID; CloudAPI ids are lower-case. */
  static String uuid(String field, String value) {
    if (value == null || !UUID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          field
              + " "
              + quote(value)
              + " is not a UUID: expected 32 hex digits as 8-4-4-4-12, such as"
              + " 2b683a82-a066-11e3-97ab-2faa44701c5a");
    }
    return value.toLowerCase(Locale.ROOT);
  }

  /** Returns {@code value} when it is not blank and has no control characters. */
  static String text(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is empty: give a value");
    }
    noControl(field, value);
    return value;
  }

  /** Returns {@code value} (which may be null) when it has no control characters. */
  static String optionalText(String field, String value) {
    return value == null ? null : text(field, value);
  }

  static void noControl(String field, String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(
            field + " " + quote(value) + " contains a control character; remove it");
      }
    }
  }

  /**
   * Checks a metadata key for CreateMachine. CloudAPI silently drops a key that does not start with
   * a word character, and one ending in {@code _pw} (it keeps those out of customer metadata), so
   * both are refused here rather than lost.
   */
  static String metadataKey(String key) {
    text("metadata key", key);
    if (!METADATA_KEY.matcher(key).matches()) {
      throw new IllegalArgumentException(
          "metadata key "
              + quote(key)
              + " must start with a letter, digit or underscore; CloudAPI ignores any other key");
    }
    if (key.endsWith("_pw")) {
      throw new IllegalArgumentException(
          "metadata key "
              + quote(key)
              + " ends in _pw, which CloudAPI drops from customer metadata; choose another name");
    }
    return key;
  }

  /** Checks a tag value: CloudAPI tags are strings, numbers or booleans. */
  static Object tagValue(String key, Object value) {
    if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
      throw new IllegalArgumentException(
          "tag "
              + quote(key)
              + " has a value of type "
              + (value == null ? "null" : value.getClass().getSimpleName())
              + "; tag values must be strings, numbers or booleans");
    }
    if (value instanceof String s) {
      noControl("tag " + quote(key) + " value", s);
    }
    return value;
  }

  /**
   * Checks the Manta path ExportImage writes to. IMGAPI refuses ({@code NotMantaPathOwner}) any
   * path whose first segment is not the account login, including the {@code ~~} and {@code /my}
   * shorthands; refusing here says why before an image is half exported.
   */
  static String mantaPath(String login, String path) {
    text("manta path", path);
    String prefix = "/" + login + "/";
    if (path.startsWith("~~") || path.startsWith("/my/")) {
      throw new IllegalArgumentException(
          "manta path "
              + quote(path)
              + " uses a shorthand IMGAPI does not expand; write it as "
              + prefix
              + "stor/...");
    }
    if (!path.startsWith(prefix)) {
      throw new IllegalArgumentException(
          "manta path "
              + quote(path)
              + " must start with "
              + prefix
              + " (the account's own area), such as "
              + prefix
              + "stor/builds/...");
    }
    String rest = path.substring(prefix.length());
    String trimmed = rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
    String[] segments = trimmed.split("/", -1);
    if (!segments[0].equals("stor") && !segments[0].equals("public")) {
      throw new IllegalArgumentException(
          "manta path "
              + quote(path)
              + " must be under "
              + prefix
              + "stor/ or "
              + prefix
              + "public/");
    }
    for (String segment : segments) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException(
            "manta path "
                + quote(path)
                + " has an empty, '.' or '..' segment; give a plain absolute path");
      }
    }
    return path;
  }

  /**
   * Returns an immutable copy of {@code values}, each passed through {@code check}; null is empty.
   */
  static List<String> each(List<String> values, UnaryOperator<String> check) {
    List<String> checked = new ArrayList<>();
    for (String value : Copies.list(values)) {
      checked.add(check.apply(value));
    }
    return List.copyOf(checked);
  }

  /** Returns an ordered immutable copy of {@code tags} once every key and value is checked. */
  static Map<String, Object> tags(Map<String, Object> tags) {
    Map<String, Object> copy = Copies.map(tags);
    for (Map.Entry<String, Object> e : copy.entrySet()) {
      text("tag key", e.getKey());
      tagValue(e.getKey(), e.getValue());
    }
    return copy;
  }

  /** Checks a ListMachines page size: CloudAPI's default and maximum is 1000. */
  static int limit(int limit) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit " + limit + " is out of range: use 1 to 1000");
    }
    return limit;
  }

  static int offset(int offset) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset " + offset + " is negative: use 0 or more");
    }
    return offset;
  }

  /** Quotes a value for a message: control characters become {@code ?}, long values are cut. */
  static String quote(String value) {
    if (value == null) {
      return "(null)";
    }
    String clean = value.replaceAll("\\p{Cntrl}", "?");
    if (clean.length() > MAX_QUOTED) {
      clean = clean.substring(0, MAX_QUOTED) + "...";
    }
    return "'" + clean + "'";
  }
}
