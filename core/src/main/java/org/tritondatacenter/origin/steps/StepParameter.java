package org.tritondatacenter.origin.steps;

import java.util.List;
import java.util.Objects;

/**
 * One parameter of a step, as the CLI help, the Jenkins help files and the validator see it.
 *
 * @param name the parameter name, as written in a Jenkinsfile
 * @param type its type
 * @param required whether it must be given
 * @param defaultValue the static default applied when it is not given (a {@code String}, {@code
 *     Boolean} or {@code Integer}), or null when the default depends on the run
 * @param defaultText the default in words, for help texts; {@code "none"} when there is none
 * @param choices the allowed values of a {@link ParamType#CHOICE}; empty otherwise
 * @param min the smallest allowed {@link ParamType#INTEGER}, or null
 * @param max the largest allowed {@link ParamType#INTEGER}, or null
 * @param alternativeTo parameters this one stands in for: giving both is refused, and this
 *     parameter's default does not apply when one of them is given
 * @param description one line saying what it does
 */
public record StepParameter(
    String name,
    ParamType type,
    boolean required,
    Object defaultValue,
    String defaultText,
    List<String> choices,
    Integer min,
    Integer max,
    List<String> alternativeTo,
    String description) {

  public StepParameter {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(defaultText, "defaultText == null");
    Objects.requireNonNull(description, "description == null");
    choices = List.copyOf(choices);
    alternativeTo = List.copyOf(alternativeTo);
  }

  static StepParameter of(String name, ParamType type, String description) {
    return new StepParameter(
        name, type, false, null, "none", List.of(), null, null, List.of(), description);
  }

  StepParameter mandatory() {
    return new StepParameter(
        name, type, true, null, "required", choices, min, max, alternativeTo, description);
  }

  StepParameter defaultsTo(Object value) {
    return new StepParameter(
        name,
        type,
        required,
        value,
        String.valueOf(value),
        choices,
        min,
        max,
        alternativeTo,
        description);
  }

  StepParameter defaultText(String text) {
    return new StepParameter(
        name, type, required, defaultValue, text, choices, min, max, alternativeTo, description);
  }

  StepParameter choices(String... values) {
    return new StepParameter(
        name,
        type,
        required,
        defaultValue,
        defaultText,
        List.of(values),
        min,
        max,
        alternativeTo,
        description);
  }

  StepParameter range(int low, int high) {
    return new StepParameter(
        name,
        type,
        required,
        defaultValue,
        defaultText,
        choices,
        low,
        high,
        alternativeTo,
        description);
  }

  StepParameter alternativeTo(String... others) {
    return new StepParameter(
        name,
        type,
        required,
        defaultValue,
        defaultText,
        choices,
        min,
        max,
        List.of(others),
        description);
  }

  /** Returns a help line such as {@code channel (channel name, default: dev): Channel ...}. */
  public String helpLine() {
    StringBuilder sb = new StringBuilder(name).append(" (").append(type.displayName());
    if (!choices.isEmpty()) {
      sb.append(": ").append(String.join(", ", choices));
    }
    if (min != null && max != null) {
      sb.append(", ").append(min).append("..").append(max);
    }
    sb.append(required ? ", required" : ", default: " + defaultText).append("): ");
    return sb.append(description).toString();
  }
}
