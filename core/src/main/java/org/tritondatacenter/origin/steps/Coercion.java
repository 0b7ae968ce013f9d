package org.tritondatacenter.origin.steps;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns values the way pipeline and CLI users write them into plain Java values. Any {@link
 * CharSequence} (a Groovy GString included) is a string; booleans and integers also come as text; a
 * list also comes as a comma-separated string.
 */
final class Coercion {
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,10}");

  private Coercion() {}

  /** A coerced value, or what was wrong with the raw one. */
  record Result(Object value, String problem) {
    static Result ok(Object value) {
      return new Result(value, null);
    }

    static Result bad(String problem) {
      return new Result(null, problem);
    }
  }

  static Result coerce(StepParameter p, Object raw) {
    return switch (p.type().kind()) {
      case TEXT -> text(p, raw);
      case BOOLEAN -> bool(raw);
      case INTEGER -> integer(p, raw);
      case LIST -> list(p, raw);
      case MAP -> map(raw);
    };
  }

  private static Result text(StepParameter p, Object raw) {
    if (!(raw instanceof CharSequence cs)) {
      return Result.bad(
          "expects a " + p.type().displayName() + " (a string), got " + describe(raw));
    }
    // JSON text is passed on untouched; every other value is trimmed, as users paste them.
    String value = p.type() == ParamType.JSON_TEXT ? cs.toString() : cs.toString().strip();
    if (value.isBlank()) {
      return Result.bad("is empty; give a " + p.type().displayName() + " or leave it out");
    }
    if (p.type() == ParamType.CHOICE) {
      for (String choice : p.choices()) {
        if (choice.equalsIgnoreCase(value)) {
          return Result.ok(choice);
        }
      }
      return Result.bad(
          "must be one of " + String.join(", ", p.choices()) + "; got " + quote(value));
    }
    Optional<String> problem = p.type().check(value);
    if (problem.isEmpty()) {
      return Result.ok(value);
    }
    // Type checks say what is expected; add what was given, unless the message already quotes it.
    String message = problem.get();
    return Result.bad(message.startsWith("expected") ? message + ", got " + quote(value) : message);
  }

  private static Result bool(Object raw) {
    if (raw instanceof Boolean b) {
      return Result.ok(b);
    }
    if (raw instanceof CharSequence cs) {
      String s = cs.toString().strip().toLowerCase(Locale.ROOT);
      if (s.equals("true") || s.equals("false")) {
        return Result.ok(Boolean.valueOf(s));
      }
    }
    return Result.bad("expects true or false, got " + describe(raw));
  }

  private static Result integer(StepParameter p, Object raw) {
    BigInteger value = null;
    if (raw instanceof Integer
        || raw instanceof Long
        || raw instanceof Short
        || raw instanceof Byte) {
      value = BigInteger.valueOf(((Number) raw).longValue());
    } else if (raw instanceof BigInteger b) {
      value = b;
    } else if (raw instanceof BigDecimal
        || (raw instanceof Double || raw instanceof Float)
            && Double.isFinite(((Number) raw).doubleValue())) {
      // Groovy writes 4.0 as a BigDecimal; a whole number is still a whole number.
      BigDecimal d = new BigDecimal(raw.toString());
      if (d.stripTrailingZeros().scale() <= 0) {
        value = d.toBigIntegerExact();
      }
    } else if (raw instanceof CharSequence cs && INTEGER.matcher(cs.toString().strip()).matches()) {
      value = new BigInteger(cs.toString().strip());
    }
    if (value == null) {
      return Result.bad("expects a whole number, got " + describe(raw));
    }
    if ((p.min() != null && value.compareTo(BigInteger.valueOf(p.min())) < 0)
        || (p.max() != null && value.compareTo(BigInteger.valueOf(p.max())) > 0)) {
      return Result.bad("must be between " + p.min() + " and " + p.max() + ", got " + value);
    }
    return Result.ok(value.intValueExact());
  }

  private static Result list(StepParameter p, Object raw) {
    List<Object> items = new ArrayList<>();
    if (raw instanceof CharSequence cs) {
      items.addAll(List.of(cs.toString().split(",", -1)));
    } else if (raw instanceof Collection<?> c) {
      items.addAll(c);
    } else if (raw instanceof Object[] array) {
      items.addAll(List.of(array));
    } else {
      return Result.bad(
          "expects a "
              + p.type().displayName()
              + " (a list or a comma-separated string), got "
              + describe(raw));
    }
    LinkedHashSet<String> values = new LinkedHashSet<>();
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      if (!(item instanceof CharSequence) && !(item instanceof UUID)) {
        return Result.bad("item " + (i + 1) + " expects a string, got " + describe(item));
      }
      String value = item.toString().strip();
      if (value.isEmpty()) {
        continue;
      }
      Optional<String> problem = p.type().check(value);
      if (problem.isPresent()) {
        return Result.bad("item " + quote(value) + ": " + problem.get());
      }
      // UUIDs are compared as text later on; IMGAPI and CloudAPI answer in lower case.
      values.add(p.type() == ParamType.UUID_LIST ? value.toLowerCase(Locale.ROOT) : value);
    }
    if (values.isEmpty()) {
      return Result.bad("is empty; give at least one value or leave it out");
    }
    return Result.ok(List.copyOf(values));
  }

  private static Result map(Object raw) {
    if (!(raw instanceof Map<?, ?> m)) {
      return Result.bad("expects a map, got " + describe(raw));
    }
    try {
      return Result.ok(plainMap(m, ""));
    } catch (IllegalArgumentException e) {
      return Result.bad(e.getMessage());
    }
  }

  /** Copies a map into plain values: strings, numbers, booleans, lists and maps. */
  static Map<String, Object> plainMap(Map<?, ?> m, String path) {
    Map<String, Object> result = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (!(e.getKey() instanceof CharSequence key)) {
        throw new IllegalArgumentException(
            "has a key that is not a string at "
                + (path.isEmpty() ? "the top" : path)
                + ": "
                + describe(e.getKey()));
      }
      String childPath = path.isEmpty() ? key.toString() : path + "." + key;
      result.put(key.toString(), plain(e.getValue(), childPath));
    }
    return Collections.unmodifiableMap(result);
  }

  private static Object plain(Object v, String path) {
    if (v == null || v instanceof Boolean || v instanceof Number) {
      return v;
    }
    if (v instanceof CharSequence cs) {
      return cs.toString();
    }
    if (v instanceof Map<?, ?> m) {
      return plainMap(m, path);
    }
    if (v instanceof Collection<?> || v instanceof Object[]) {
      List<Object> list = new ArrayList<>();
      Collection<?> c = v instanceof Collection<?> col ? col : List.of((Object[]) v);
      int i = 0;
      for (Object item : c) {
        list.add(plain(item, path + "[" + i++ + "]"));
      }
      return Collections.unmodifiableList(list);
    }
    throw new IllegalArgumentException(
        "holds "
            + describe(v)
            + " at "
            + path
            + "; expected strings, numbers, booleans, lists"
            + " and maps");
  }

  /** Describes a raw value for a message without echoing anything long. */
  static String describe(Object raw) {
    if (raw instanceof CharSequence cs) {
      return "the string " + quote(cs.toString());
    }
    if (raw instanceof Boolean b) {
      return "the boolean " + b;
    }
    if (raw instanceof Number n) {
      return "the number " + n;
    }
    if (raw instanceof Map<?, ?>) {
      return "a map";
    }
    if (raw instanceof Collection<?> || raw instanceof Object[]) {
      return "a list";
    }
    return "a " + raw.getClass().getSimpleName();
  }

  static String quote(String value) {
    String shown = value.length() > 60 ? value.substring(0, 60) + "..." : value;
    StringBuilder sb = new StringBuilder("'");
    for (char c : shown.toCharArray()) {
      sb.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return sb.append('\'').toString();
  }
}
