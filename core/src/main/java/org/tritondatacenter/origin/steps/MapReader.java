package org.tritondatacenter.origin.steps;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.tritondatacenter.origin.images.ImageNaming;

/**
 * Strict reading of a result map: every key is known, every required key is there and every value
 * has the expected type. Problems are collected, each naming its key path.
 */
final class MapReader {
  private final Map<?, ?> map;
  private final String path;
  private final List<String> problems;
  private final int start;

  private MapReader(Map<?, ?> map, String path, List<String> problems) {
    this.map = map;
    this.path = path;
    this.problems = problems;
    this.start = problems.size();
  }

  /** Returns true while nothing read through this reader (or its children) was wrong. */
  boolean clean() {
    return problems.size() == start;
  }

  /** Reads {@code map}; throws once, after {@code read} has run, if anything was wrong. */
  static <T> T read(String kind, Map<?, ?> map, Function<MapReader, T> read) {
    List<String> problems = new ArrayList<>();
    if (map == null) {
      throw new ResultMapException(kind, List.of("the map is missing"));
    }
    T result = read.apply(new MapReader(map, "", problems));
    if (!problems.isEmpty()) {
      throw new ResultMapException(kind, problems);
    }
    return result;
  }

  /** Records every key that is not in {@code known}. */
  void onlyKeys(String... known) {
    List<String> names = List.of(known);
    for (Object key : map.keySet()) {
      if (!(key instanceof CharSequence) || !names.contains(key.toString())) {
        problems.add("unknown key '" + path + key + "'; expected only " + String.join(", ", names));
      }
    }
  }

  String string(String key) {
    return checked(key, true, s -> !s.isEmpty(), "a non-empty string");
  }

  String optionalString(String key) {
    return checked(key, false, s -> true, "a string");
  }

  String uuid(String key, boolean required) {
    return checked(key, required, ImageNaming::isUuid, "a UUID");
  }

  /** Reads a string that must pass {@code ok}; null when absent or wrong. */
  String checked(String key, boolean required, Predicate<String> ok, String expected) {
    Object v = map.get(key);
    if (v == null) {
      if (required) {
        problems.add("missing key '" + path + key + "'; expected " + expected);
      }
      return null;
    }
    if (!(v instanceof CharSequence cs) || !ok.test(cs.toString())) {
      problems.add("'" + path + key + "': expected " + expected + ", got " + Coercion.describe(v));
      return null;
    }
    return cs.toString();
  }

  boolean bool(String key) {
    Object v = map.get(key);
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof CharSequence cs
        && (cs.toString().equals("true") || cs.toString().equals("false"))) {
      return Boolean.parseBoolean(cs.toString());
    }
    problems.add(
        v == null
            ? "missing key '" + path + key + "'; expected true or false"
            : "'" + path + key + "': expected true or false, got " + Coercion.describe(v));
    return false;
  }

  List<String> strings(String key) {
    Object v = map.get(key);
    if (!(v instanceof Collection<?> c)) {
      problems.add(
          v == null
              ? "missing key '" + path + key + "'; expected a list of strings"
              : "'" + path + key + "': expected a list of strings, got " + Coercion.describe(v));
      return List.of();
    }
    List<String> result = new ArrayList<>();
    int i = 0;
    for (Object item : c) {
      if (item instanceof CharSequence cs) {
        result.add(cs.toString());
      } else {
        problems.add(
            "'" + path + key + "[" + i + "]': expected a string, got " + Coercion.describe(item));
      }
      i++;
    }
    return result;
  }

  /**
   * Reads a list of maps with {@code item}, which returns null for an item with problems (see
   * {@link #clean()}).
   */
  <T> List<T> objects(String key, Function<MapReader, T> item) {
    Object v = map.get(key);
    if (!(v instanceof Collection<?> c)) {
      problems.add(
          v == null
              ? "missing key '" + path + key + "'; expected a list of maps"
              : "'" + path + key + "': expected a list of maps, got " + Coercion.describe(v));
      return List.of();
    }
    List<T> result = new ArrayList<>();
    int i = 0;
    for (Object element : c) {
      String itemPath = path + key + "[" + i++ + "]";
      if (element instanceof Map<?, ?> m) {
        T value = item.apply(new MapReader(m, itemPath + ".", problems));
        if (value != null) {
          result.add(value);
        }
      } else {
        problems.add("'" + itemPath + "': expected a map, got " + Coercion.describe(element));
      }
    }
    return result;
  }
}
