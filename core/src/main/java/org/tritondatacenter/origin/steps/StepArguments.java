package org.tritondatacenter.origin.steps;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validated, coerced arguments of one step call, with static defaults applied. Immutable.
 *
 * <p>Accessors are typed by the parameter's {@link ParamType.Kind}: asking for a parameter the step
 * does not have, or with the wrong kind, is a programming error and throws {@link
 * IllegalArgumentException}.
 */
public final class StepArguments {
  private final Step step;
  private final Map<String, Object> values;
  private final Set<String> given;

  StepArguments(Step step, Map<String, Object> values, Set<String> given) {
    this.step = step;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.given = Set.copyOf(given);
  }

  public Step step() {
    return step;
  }

  /** Returns true when the caller gave {@code name}; a default does not count. */
  public boolean isSet(String name) {
    parameter(name);
    return given.contains(name);
  }

  /** Returns true when {@code name} has a value, given or defaulted. */
  public boolean has(String name) {
    parameter(name);
    return values.containsKey(name);
  }

  /**
   * Returns a text parameter's value.
   *
   * @throws NoSuchElementException when it has no value; check {@link #has(String)} first
   */
  public String string(String name) {
    return (String) required(name, ParamType.Kind.TEXT);
  }

  /** Returns a text parameter's value, if it has one. */
  public Optional<String> optionalString(String name) {
    return Optional.ofNullable((String) optional(name, ParamType.Kind.TEXT));
  }

  /** Returns a boolean parameter's value; every boolean parameter has a default. */
  public boolean bool(String name) {
    return (Boolean) required(name, ParamType.Kind.BOOLEAN);
  }

  /**
   * Returns an integer parameter's value.
   *
   * @throws NoSuchElementException when it has no value; check {@link #has(String)} first
   */
  public int integer(String name) {
    return (Integer) required(name, ParamType.Kind.INTEGER);
  }

  /** Returns an integer parameter's value, if it has one. */
  public Optional<Integer> optionalInteger(String name) {
    return Optional.ofNullable((Integer) optional(name, ParamType.Kind.INTEGER));
  }

  /** Returns a list parameter's values, trimmed and without duplicates; empty when not given. */
  @SuppressWarnings("unchecked")
  public List<String> list(String name) {
    List<String> list = (List<String>) optional(name, ParamType.Kind.LIST);
    return list == null ? List.of() : list;
  }

  /**
   * Returns a map parameter's value, converted to plain values.
   *
   * @throws NoSuchElementException when it has no value; check {@link #has(String)} first
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> map(String name) {
    return (Map<String, Object>) required(name, ParamType.Kind.MAP);
  }

  /** Returns every parameter with a value, given or defaulted, in table order. */
  public Map<String, Object> toMap() {
    return values;
  }

  private Object required(String name, ParamType.Kind kind) {
    Object value = optional(name, kind);
    if (value == null) {
      throw new NoSuchElementException(
          step.functionName() + ": '" + name + "' has no value; check has(\"" + name + "\") first");
    }
    return value;
  }

  private Object optional(String name, ParamType.Kind kind) {
    StepParameter p = parameter(name);
    if (p.type().kind() != kind) {
      throw new IllegalArgumentException(
          step.functionName()
              + ": '"
              + name
              + "' is a "
              + p.type().displayName()
              + ", not a "
              + kind.name().toLowerCase(Locale.ROOT));
    }
    return values.get(name);
  }

  private StepParameter parameter(String name) {
    return step.parameter(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    step.functionName() + " has no parameter '" + name + "'"));
  }

  /** Lists the values, shortening long text such as inline JSON. */
  @Override
  public String toString() {
    return values.entrySet().stream()
        .map(e -> e.getKey() + "=" + shorten(e.getValue()))
        .collect(Collectors.joining(", ", step.functionName() + "{", "}"));
  }

  private static String shorten(Object value) {
    if (value instanceof Map<?, ?> m) {
      return "{" + m.size() + " keys}";
    }
    String s = String.valueOf(value);
    return s.length() > 40 ? s.substring(0, 40) + "... (" + s.length() + " characters)" : s;
  }
}
