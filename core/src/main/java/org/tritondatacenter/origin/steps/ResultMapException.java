package org.tritondatacenter.origin.steps;

import java.util.List;
import org.tritondatacenter.origin.TritonException;

/**
 * Reports a step result map that cannot be read back, such as a {@code build} map edited by hand
 * before it reached {@code mantaExport}. Each problem names the key, such as {@code
 * images[1].uuid}.
 */
public class ResultMapException extends TritonException {
  private static final long serialVersionUID = 1L;

  private final String kind;
  private final List<String> problems;

  /**
   * Creates the exception.
   *
   * @param kind which map, such as {@code build} or {@code export}
   * @param problems at least one problem, each naming its key
   */
  public ResultMapException(String kind, List<String> problems) {
    super(
        "malformed "
            + kind
            + " map: "
            + (problems.size() == 1
                ? problems.get(0)
                : "\n  - " + String.join("\n  - ", problems)));
    this.kind = kind;
    this.problems = List.copyOf(problems);
  }

  /** Returns which map was malformed, such as {@code build}. */
  public String kind() {
    return kind;
  }

  public List<String> problems() {
    return problems;
  }
}
