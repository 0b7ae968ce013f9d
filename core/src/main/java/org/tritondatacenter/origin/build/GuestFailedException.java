package org.tritondatacenter.origin.build;

import org.tritondatacenter.origin.TritonException;

/**
 * Reports that the build's user-script failed inside the temporary machine: the step it was in and
 * what its error trap reported, the failing command followed by the end of its output (for a
 * missing package, pkgin's own words naming it).
 */
public class GuestFailedException extends TritonException {
  private static final long serialVersionUID = 1L;

  private final String machineId;
  private final String step;
  private final String guestError;

  /**
   * Creates the exception.
   *
   * @param machineId the temporary machine
   * @param step the {@code triton-origin:step} the script was in, or null when it set none
   * @param guestError the {@code triton-origin:error} text, or null when the script wrote none
   */
  public GuestFailedException(String machineId, String step, String guestError) {
    super(
        "the build script in machine "
            + machineId
            + " failed at step "
            + (step == null ? "(unknown)" : step)
            + (guestError == null || guestError.isBlank()
                ? " without reporting an error"
                : ": " + guestError.strip()));
    this.machineId = machineId;
    this.step = step;
    this.guestError = guestError;
  }

  public String machineId() {
    return machineId;
  }

  /** Returns the step the script failed at, such as {@code install}, or null. */
  public String step() {
    return step;
  }

  /** Returns the failing command and the end of its output, as the guest reported them. */
  public String guestError() {
    return guestError;
  }
}
