package io.jenkins.plugins.tritonorigin;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tritondatacenter.origin.steps.Step;
import org.tritondatacenter.origin.steps.StepParameter;

/**
 * Copies step arguments and results into plain Java values: strings, numbers, booleans, {@link
 * ArrayList}s and {@link LinkedHashMap}s. They are what core's step contract coerces, what the
 * Pipeline program can serialize and what Remoting's class filter lets through to an agent.
 */
final class PlainValues {
  private PlainValues() {}

  /** Returns a deep copy of {@code map} with string keys, keeping its order. */
  static LinkedHashMap<String, Object> copyMap(Map<?, ?> map) {
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      copy.put(String.valueOf(entry.getKey()), copy(entry.getValue()));
    }
    return copy;
  }

  /** Returns a deep copy of one value; Groovy strings become {@link String}s. */
  static Object copy(Object value) {
    if (value == null || value instanceof String) {
      return value;
    }
    if (value instanceof CharSequence text) {
      return text.toString();
    }
    if (value instanceof Map<?, ?> map) {
      return copyMap(map);
    }
    if (value instanceof Collection<?> collection) {
      List<Object> list = new ArrayList<>(collection.size());
      for (Object element : collection) {
        list.add(copy(element));
      }
      return list;
    }
    if (value instanceof Object[] array) {
      List<Object> list = new ArrayList<>(array.length);
      for (Object element : array) {
        list.add(copy(element));
      }
      return list;
    }
    if (value instanceof Serializable) {
      // Core's validation names the parameter and the type it expected, so anything else is
      // passed through unchanged rather than guessed at here.
      return value;
    }
    return String.valueOf(value);
  }

  /** Puts {@code value} under {@code name} unless it is null. */
  static void putIfSet(Map<String, Object> arguments, String name, Object value) {
    if (value != null) {
      arguments.put(name, copy(value));
    }
  }

  /** Returns a boolean parameter's default, as core's parameter table states it. */
  static boolean defaultFlag(Step step, String name) {
    return step.parameter(name)
        .map(StepParameter::defaultValue)
        .map(Boolean.TRUE::equals)
        .orElse(false);
  }

  /**
   * Returns a flag as given, or the contract's default when it was not given: what the form's
   * checkbox shows, and what the Snippet Generator compares with a fresh step's to leave defaults
   * out.
   */
  static Object flagOrDefault(Step step, String name, Object given) {
    return given == null ? defaultFlag(step, name) : given;
  }

  /**
   * Puts a flag as given, unless it was not given or is the contract's default as a boolean, so
   * that core, like for every other parameter, sees it as given only when the user changed it. Any
   * other value, such as the text {@code 'yes'}, reaches core, which accepts {@code 'true'} and
   * {@code 'false'} and names the parameter for the rest.
   */
  static void putFlag(Map<String, Object> arguments, Step step, String name, Object given) {
    if (given != null && !Boolean.valueOf(defaultFlag(step, name)).equals(given)) {
      arguments.put(name, copy(given));
    }
  }

  /** Returns null for a null or blank text, as an empty form field means "not given". */
  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  /** Returns null for a blank text; any other value is returned unchanged. */
  static Object blankToNull(Object value) {
    return value instanceof CharSequence text && text.toString().isBlank() ? null : value;
  }
}
