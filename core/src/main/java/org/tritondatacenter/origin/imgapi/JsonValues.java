package org.tritondatacenter.origin.imgapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tritondatacenter.origin.http.Json;

/**
 * Converts between Jackson trees and plain Java values (maps, lists, strings, numbers, booleans,
 * null), deeply unmodifiable.
 *
 * <p>The conversion is done here rather than by the shared mapper because that mapper drops null
 * map entries on write, and a manifest must come back exactly as it was read: integers stay
 * integers, JSON nulls inside nested objects stay, key order stays.
 */
final class JsonValues {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonValues() {}

  /** Returns the plain value of {@code node}: maps and lists are unmodifiable. */
  static Object fromNode(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        map.put(field.getKey(), fromNode(field.getValue()));
      }
      return Collections.unmodifiableMap(map);
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      for (JsonNode element : node) {
        list.add(fromNode(element));
      }
      return Collections.unmodifiableList(list);
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    // Binary or POJO nodes never come from parsed JSON; keep their text.
    return node.asText();
  }

  /** Returns the tree of a plain value; other objects go through the shared mapper. */
  static JsonNode toNode(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof JsonNode node) {
      return node.deepCopy();
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        object.set(String.valueOf(entry.getKey()), toNode(entry.getValue()));
      }
      return object;
    }
    if (value instanceof Collection<?> collection) {
      ArrayNode array = NODES.arrayNode();
      for (Object element : collection) {
        array.add(toNode(element));
      }
      return array;
    }
    if (value instanceof String s) {
      return NODES.textNode(s);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return NODES.numberNode(((Number) value).intValue());
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (value instanceof BigInteger big) {
      return NODES.numberNode(big);
    }
    if (value instanceof BigDecimal decimal) {
      return NODES.numberNode(decimal);
    }
    if (value instanceof Double || value instanceof Float) {
      return NODES.numberNode(((Number) value).doubleValue());
    }
    return Json.mapper().valueToTree(value);
  }

  /** Returns a deeply unmodifiable copy of a plain value, converting anything else to one. */
  static Object freeze(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Number) {
      return value;
    }
    return fromNode(toNode(value));
  }

  /** Describes the JSON type of a plain value for messages, such as {@code a string "2"}. */
  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return "a string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
    }
    if (value instanceof Boolean b) {
      return "a boolean " + b;
    }
    if (value instanceof Number n) {
      return "a number " + n;
    }
    if (value instanceof Map) {
      return "an object";
    }
    if (value instanceof List) {
      return "an array";
    }
    return "a " + value.getClass().getSimpleName();
  }
}
