package org.tritondatacenter.origin.runner;

import java.util.Map;
import org.tritondatacenter.origin.steps.StepArguments;

/** Runs one step's operation from validated arguments and returns its result map. */
interface StepHandler {
  Map<String, Object> run(StepArguments arguments, StepEnvironment environment);
}
