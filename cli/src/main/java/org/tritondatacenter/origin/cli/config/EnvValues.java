package org.tritondatacenter.origin.cli.config;

import java.util.Map;

/** Reads settings from the environment the way the Node.js Triton tools do. */
final class EnvValues {
  private final Map<String, String> env;

  EnvValues(Map<String, String> env) {
    this.env = env;
  }

  /** Returns the first of the variables that is set and not blank, with its name; or null. */
  Found first(String... names) {
    for (String name : names) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        return new Found(value.strip(), name);
      }
    }
    return null;
  }

  /**
   * Reads a boolean variable as node-triton's {@code boolFromString} does: {@code true}/{@code 1}
   * and {@code false}/{@code 0}; null when unset or empty.
   *
   * @throws ConfigException naming the variable when the value is anything else
   */
  Boolean bool(String name) {
    String value = env.get(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    return switch (value.strip()) {
      case "true", "1" -> Boolean.TRUE;
      case "false", "0" -> Boolean.FALSE;
      default ->
          throw new ConfigException(
              name + " is '" + value.strip() + "'; set it to 1 or true, 0 or false, or unset it");
    };
  }

  String get(String name) {
    return env.get(name);
  }

  /** A value and the variable it came from. */
  record Found(String value, String variable) {}
}
