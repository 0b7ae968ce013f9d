package org.tritondatacenter.origin.steps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tritondatacenter.origin.images.Spelling;

/**
 * Validates raw step arguments against the table: names, types and coercion, required values,
 * alternatives, then each step's cross-parameter rules, and finally the static defaults.
 */
final class StepValidator {
  private StepValidator() {}

  static StepArguments validate(Step step, Map<?, ?> raw) {
    List<String> problems = new ArrayList<>();
    Map<String, Object> given = new LinkedHashMap<>();
    // Names given with a value, even one that failed coercion: the cross-parameter rules must not
    // call a parameter missing when it was only malformed.
    Set<String> present = new LinkedHashSet<>();
    Map<?, ?> input = raw == null ? Map.of() : raw;

    Map<String, Object> byName = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : input.entrySet()) {
      String name =
          e.getKey() instanceof CharSequence cs ? cs.toString() : String.valueOf(e.getKey());
      if (step.parameter(name).isEmpty()) {
        problems.add(unknown(step, name));
      } else if (e.getValue() != null) {
        // Pipelines pass env.X ?: null freely; a null means "not given", not "empty".
        byName.put(name, e.getValue());
      }
    }

    // Table order, not the caller's map order, so the same mistakes always read the same way.
    for (StepParameter p : step.parameters()) {
      if (!byName.containsKey(p.name())) {
        continue;
      }
      present.add(p.name());
      Coercion.Result result = Coercion.coerce(p, byName.get(p.name()));
      if (result.problem() != null) {
        problems.add("'" + p.name() + "': " + result.problem());
      } else {
        given.put(p.name(), result.value());
      }
    }

    for (StepParameter p : step.parameters()) {
      if (p.required() && !present.contains(p.name())) {
        problems.add(
            "'"
                + p.name()
                + "': missing required parameter ("
                + p.type().displayName()
                + "): "
                + p.description());
      }
      for (String other : p.alternativeTo()) {
        // Each pair is reported once, from the parameter that comes first in the table.
        if (given.containsKey(p.name())
            && given.containsKey(other)
            && step.parameterNames().indexOf(p.name()) < step.parameterNames().indexOf(other)) {
          problems.add("give '" + p.name() + "' or '" + other + "', not both");
        }
      }
    }

    StepRules.check(step, given, present, problems);
    if (!problems.isEmpty()) {
      throw new StepArgumentException(step, problems);
    }

    Map<String, Object> values = new LinkedHashMap<>();
    for (StepParameter p : step.parameters()) {
      if (given.containsKey(p.name())) {
        values.put(p.name(), given.get(p.name()));
      } else if (p.defaultValue() != null
          && p.alternativeTo().stream().noneMatch(given::containsKey)) {
        values.put(p.name(), p.defaultValue());
      }
    }
    return new StepArguments(step, values, given.keySet());
  }

  private static String unknown(Step step, String name) {
    List<String> names = step.parameterNames();
    String hint = Spelling.closest(name, names).map(n -> "; did you mean '" + n + "'?").orElse(".");
    return "unknown parameter "
        + Coercion.quote(name)
        + hint
        + " Valid parameters: "
        + String.join(", ", names);
  }
}
