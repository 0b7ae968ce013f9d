package org.tritondatacenter.origin.preflight;

import java.util.List;
import org.tritondatacenter.origin.TritonException;

/**
 * Reports every preflight check that failed, before anything was created. Each problem names the
 * image, origin, package, network or endpoint concerned and says how to fix it.
 */
public class PreflightException extends TritonException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /** Creates the exception from one or more problems. */
  public PreflightException(List<String> problems) {
    super(format(problems));
    this.problems = List.copyOf(problems);
  }

  /** Creates the exception from one or more problems, the first of which {@code cause} raised. */
  public PreflightException(List<String> problems, Throwable cause) {
    super(format(problems), cause);
    this.problems = List.copyOf(problems);
  }

  private static String format(List<String> problems) {
    if (problems.size() == 1) {
      return "preflight failed: " + problems.get(0);
    }
    StringBuilder sb = new StringBuilder("preflight failed with " + problems.size() + " problems:");
    problems.forEach(p -> sb.append("\n  - ").append(p));
    return sb.toString();
  }

  /** Returns the problems, one sentence each. */
  public List<String> problems() {
    return problems;
  }
}
