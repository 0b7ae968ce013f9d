package org.tritondatacenter.origin;

import java.util.List;

/**
 * Reports an operation that failed, naming the phase and the resources it could not remove.
 *
 * <p>The original failure is the cause. Cleanup failures are attached with {@link
 * #addSuppressed(Throwable)} and never replace it.
 */
public class BuildFailedException extends TritonException {
  private static final long serialVersionUID = 1L;

  private final String phase;
  private final List<String> leftBehind;

  /**
   * Creates the exception.
   *
   * @param message what failed, naming the phase and the resource
   * @param phase the phase that failed, such as {@code build} or {@code publish}
   * @param leftBehind human-readable descriptions of resources cleanup could not remove, each
   *     naming the resource and how to delete it; empty when nothing was left
   * @param cause the original failure
   */
  public BuildFailedException(
      String message, String phase, List<String> leftBehind, Throwable cause) {
    super(withLeftovers(message, leftBehind), cause);
    this.phase = phase;
    this.leftBehind = List.copyOf(leftBehind);
  }

  private static String withLeftovers(String message, List<String> leftBehind) {
    if (leftBehind.isEmpty()) {
      return message;
    }
    return message + "; left behind: " + String.join("; ", leftBehind);
  }

  public String phase() {
    return phase;
  }

  /** Returns the resources cleanup could not remove; empty when nothing was left. */
  public List<String> leftBehind() {
    return leftBehind;
  }
}
