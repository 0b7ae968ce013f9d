package org.tritondatacenter.origin.imgapi;

import java.util.List;
import java.util.Map;

/**
 * Reads typed fields from the plain map of a JSON object, refusing a field of the wrong type with a
 * message that names the source, the field and what it holds.
 */
final class FieldReader {
  private final Map<String, Object> map;
  private final String source;

  FieldReader(Map<String, Object> map, String source) {
    this.map = map;
    this.source = source;
  }

  String text(String key) {
    Object value = map.get(key);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw wrongType(key, "a string", value);
  }

  Boolean bool(String key) {
    Object value = map.get(key);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    throw wrongType(key, "true or false", value);
  }

  Integer integer(String key) {
    Object value = map.get(key);
    if (value == null || value instanceof Integer) {
      return (Integer) value;
    }
    throw wrongType(key, "an integer", value);
  }

  Long whole(String key) {
    Object value = map.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    throw wrongType(key, "a whole number", value);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> object(String key) {
    Object value = map.get(key);
    if (value == null || value instanceof Map) {
      return (Map<String, Object>) value;
    }
    throw wrongType(key, "an object", value);
  }

  @SuppressWarnings("unchecked")
  List<Object> array(String key) {
    Object value = map.get(key);
    if (value == null || value instanceof List) {
      return (List<Object>) value;
    }
    throw wrongType(key, "an array", value);
  }

  @SuppressWarnings("unchecked")
  List<String> texts(String key) {
    List<Object> list = array(key);
    if (list != null) {
      for (int i = 0; i < list.size(); i++) {
        if (!(list.get(i) instanceof String)) {
          throw wrongType(key + "[" + i + "]", "a string", list.get(i));
        }
      }
    }
    return (List<String>) (List<?>) list;
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> objects(String key) {
    List<Object> list = array(key);
    if (list != null) {
      for (int i = 0; i < list.size(); i++) {
        if (!(list.get(i) instanceof Map)) {
          throw wrongType(key + "[" + i + "]", "an object", list.get(i));
        }
      }
    }
    return (List<Map<String, Object>>) (List<?>) list;
  }

  private IllegalArgumentException wrongType(String key, String expected, Object value) {
    return new IllegalArgumentException(
        source
            + ": field \""
            + key
            + "\" must be "
            + expected
            + ", not "
            + JsonValues.describe(value));
  }
}
