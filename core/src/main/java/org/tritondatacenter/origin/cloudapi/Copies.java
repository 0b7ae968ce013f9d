package org.tritondatacenter.origin.cloudapi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Immutable copies for record components. Absent collections become empty ones, and order is kept
 * because users read tags and metadata in the order the server sent them. Unlike {@code
 * Map.copyOf}, a null value inside is kept rather than failing the whole decode.
 */
final class Copies {
  private Copies() {}

  static <K, V> Map<K, V> map(Map<K, V> map) {
    return map == null || map.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  static <T> List<T> list(List<T> list) {
    return list == null || list.isEmpty()
        ? List.of()
        : Collections.unmodifiableList(new ArrayList<>(list));
  }
}
