package org.tritondatacenter.origin.images;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Typed access to {@link JsonTree} values that records a problem for every mismatch. */
final class Values {
  /** 1 TiB in MiB: no machine a build would ask for is larger. */
  static final int MAX_MEMORY_MB = 1024 * 1024;

  static final int MAX_MAP_ENTRIES = 64;

  private static final Pattern INTEGER_TEXT = Pattern.compile("-?[0-9]+");

  private final Problems problems;

  Values(Problems problems) {
    this.problems = problems;
  }

  /** Records every key of {@code obj} that is not in {@code known}, suggesting the closest. */
  void checkKeys(JsonTree.Obj obj, String path, List<String> known, String where) {
    for (JsonTree.Member m : obj.members()) {
      if (known.contains(m.key())) {
        continue;
      }
      String hint =
          Spelling.closest(m.key(), known).map(k -> "; did you mean '" + k + "'?").orElse(".");
      problems.add(
          Problems.key(path, m.key()),
          m.keyAt(),
          "unknown key "
              + Problems.quote(m.key())
              + " in "
              + where
              + hint
              + " Known keys: "
              + String.join(", ", known));
    }
  }

  /**
   * Returns the value of {@code key}, or null when it is absent; records a problem when a required
   * key is absent.
   */
  JsonTree field(JsonTree.Obj obj, String path, String key, boolean required, String expectation) {
    Optional<JsonTree.Member> member = obj.member(key);
    if (member.isPresent()) {
      return member.get().value();
    }
    if (required) {
      problems.add(
          path,
          obj.at(),
          "missing required key '"
              + key
              + "'"
              + (expectation.isEmpty() ? "" : "; expected " + expectation));
    }
    return null;
  }

  String text(JsonTree node, String path, Function<String, Optional<String>> rule) {
    if (!(node instanceof JsonTree.Str s)) {
      problems.add(path, node.at(), "expected a string, got " + node.typeName());
      return null;
    }
    Optional<String> problem = rule.apply(s.value());
    if (problem.isPresent()) {
      problems.add(path, node.at(), problem.get());
      return null;
    }
    return s.value();
  }

  /** Reads an array of non-empty, distinct names such as packages or networks. */
  List<String> uniqueNames(
      JsonTree node,
      String path,
      int maxItems,
      String itemName,
      Function<String, Optional<String>> rule) {
    Map<String, String> seen = new HashMap<>();
    List<String> result = new ArrayList<>();
    for (JsonTree.Str s : strings(node, path, maxItems, "an array of " + itemName + " names")) {
      String itemPath = pathOf(node, path, s);
      if (s.value().isEmpty()) {
        problems.add(itemPath, s.at(), "empty " + itemName + " name; remove it or write a name");
        continue;
      }
      Optional<String> problem = rule.apply(s.value());
      if (problem.isPresent()) {
        problems.add(itemPath, s.at(), problem.get());
        continue;
      }
      String first = seen.putIfAbsent(s.value(), itemPath);
      if (first != null) {
        problems.add(
            itemPath,
            s.at(),
            "duplicate " + itemName + " " + Problems.quote(s.value()) + " (also at " + first + ")");
        continue;
      }
      result.add(s.value());
    }
    return result;
  }

  /** Reads an array of strings kept in order, such as script lines. */
  List<String> lines(
      JsonTree node, String path, int maxItems, Function<String, Optional<String>> rule) {
    List<String> result = new ArrayList<>();
    for (JsonTree.Str s : strings(node, path, maxItems, "an array of shell lines")) {
      Optional<String> problem = s.value().isEmpty() ? Optional.empty() : rule.apply(s.value());
      if (problem.isPresent()) {
        problems.add(pathOf(node, path, s), s.at(), problem.get());
      } else {
        result.add(s.value());
      }
    }
    return result;
  }

  private List<JsonTree.Str> strings(JsonTree node, String path, int maxItems, String expected) {
    if (!(node instanceof JsonTree.Arr arr)) {
      problems.add(path, node.at(), "expected " + expected + ", got " + node.typeName());
      return List.of();
    }
    if (arr.items().size() > maxItems) {
      problems.add(
          path,
          arr.at(),
          "has " + arr.items().size() + " items; at most " + maxItems + " are allowed");
      return List.of();
    }
    List<JsonTree.Str> result = new ArrayList<>();
    for (int i = 0; i < arr.items().size(); i++) {
      JsonTree item = arr.items().get(i);
      if (item instanceof JsonTree.Str s) {
        result.add(s);
      } else {
        problems.add(
            Problems.index(path, i), item.at(), "expected a string, got " + item.typeName());
      }
    }
    return result;
  }

  private static String pathOf(JsonTree node, String path, JsonTree item) {
    List<JsonTree> items = ((JsonTree.Arr) node).items();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) == item) {
        return Problems.index(path, i);
      }
    }
    return path;
  }

  /** Reads protoMinMemoryMb: a whole number or a numeric string, 1 MiB to 1 TiB. */
  Integer memory(JsonTree node, String path) {
    BigInteger value;
    if (node instanceof JsonTree.Num n && n.integral()) {
      value = new BigInteger(n.text());
    } else if (node instanceof JsonTree.Str s && INTEGER_TEXT.matcher(s.value()).matches()) {
      value = new BigInteger(s.value());
    } else {
      String got =
          node instanceof JsonTree.Num n
              ? n.text()
              : node instanceof JsonTree.Str s ? Problems.quote(s.value()) : node.typeName();
      problems.add(
          path,
          node.at(),
          "expected a whole number of MiB such as 1024 (or a numeric string such as \"1024\"),"
              + " got "
              + got);
      return null;
    }
    if (value.signum() <= 0) {
      problems.add(path, node.at(), "must be a positive number of MiB, such as 1024; got " + value);
      return null;
    }
    if (value.compareTo(BigInteger.valueOf(MAX_MEMORY_MB)) > 0) {
      problems.add(
          path,
          node.at(),
          value
              + " MiB is more than 1 TiB ("
              + MAX_MEMORY_MB
              + " MiB); expected the proto machine's memory in MiB, such as 1024");
      return null;
    }
    return value.intValueExact();
  }

  /** Reads the tags object: string keys to strings, numbers or booleans. */
  Map<String, Object> tags(JsonTree node, String path) {
    Map<String, Object> result = new LinkedHashMap<>();
    for (JsonTree.Member m : members(node, path, "tag names to strings, numbers or booleans")) {
      String keyPath = Problems.key(path, m.key());
      Optional<String> keyProblem = FieldRules.tagKey(m.key());
      if (keyProblem.isPresent()) {
        problems.add(keyPath, m.keyAt(), keyProblem.get());
      }
      JsonTree v = m.value();
      if (v instanceof JsonTree.Str s) {
        FieldRules.tagValue(s.value()).ifPresent(p -> problems.add(keyPath, v.at(), p));
        result.put(m.key(), s.value());
      } else if (v instanceof JsonTree.Num n) {
        result.put(m.key(), n.value());
      } else if (v instanceof JsonTree.Bool b) {
        result.put(m.key(), b.value());
      } else {
        problems.add(keyPath, v.at(), "expected a string, number or boolean, got " + v.typeName());
      }
    }
    return result;
  }

  /** Reads the metadata object: string keys to string values. */
  Map<String, String> metadata(JsonTree node, String path) {
    Map<String, String> result = new LinkedHashMap<>();
    for (JsonTree.Member m : members(node, path, "metadata keys to strings")) {
      String keyPath = Problems.key(path, m.key());
      FieldRules.metadataKey(m.key()).ifPresent(p -> problems.add(keyPath, m.keyAt(), p));
      String value = text(m.value(), keyPath, FieldRules::metadataValue);
      if (value != null) {
        result.put(m.key(), value);
      }
    }
    return result;
  }

  private List<JsonTree.Member> members(JsonTree node, String path, String expected) {
    if (!(node instanceof JsonTree.Obj obj)) {
      problems.add(
          path, node.at(), "expected an object of " + expected + ", got " + node.typeName());
      return List.of();
    }
    if (obj.members().size() > MAX_MAP_ENTRIES) {
      problems.add(
          path,
          obj.at(),
          "has " + obj.members().size() + " keys; at most " + MAX_MAP_ENTRIES + " are allowed");
      return List.of();
    }
    return obj.members();
  }
}
