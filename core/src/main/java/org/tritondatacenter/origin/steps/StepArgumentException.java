package org.tritondatacenter.origin.steps;

import java.util.List;
import org.tritondatacenter.origin.TritonException;

/**
 * Reports step arguments that cannot be used: unknown parameters, wrong types, missing values and
 * conflicting choices, all at once.
 *
 * <p>The message starts with the step's function name, so a Jenkins log line says which call was
 * wrong: {@code "imgadmPublish: 'fileSource': must be one of auto, stream, url; got 'ftp'"}.
 */
public class StepArgumentException extends TritonException {
  private static final long serialVersionUID = 1L;

  private final Step step;
  private final List<String> problems;

  /**
   * Creates the exception.
   *
   * @param step the step whose arguments were refused
   * @param problems at least one problem, each naming the parameter concerned
   */
  public StepArgumentException(Step step, List<String> problems) {
    super(format(step, problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a StepArgumentException needs at least one problem");
    }
    this.step = step;
    this.problems = List.copyOf(problems);
  }

  private static String format(Step step, List<String> problems) {
    if (problems.size() == 1) {
      return step.functionName() + ": " + problems.get(0);
    }
    return step.functionName()
        + ": "
        + problems.size()
        + " problems:\n  - "
        + String.join("\n  - ", problems);
  }

  public Step step() {
    return step;
  }

  /** Returns every problem, each naming its parameter. */
  public List<String> problems() {
    return problems;
  }
}
