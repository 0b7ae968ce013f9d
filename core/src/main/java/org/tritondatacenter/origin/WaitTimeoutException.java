package org.tritondatacenter.origin;

import java.time.Duration;
import java.util.Set;

/**
 * Reports a wait that reached its deadline, with the last state seen.
 *
 * <p>The message reads {@code "timed out after 600s waiting for machine <id> to reach [running]
 * (last seen: provisioning)"}.
 */
public class WaitTimeoutException extends TritonException {
  private static final long serialVersionUID = 1L;

  private final String resource;
  private final String id;
  private final Set<String> wanted;
  private final String lastState;
  private final Duration elapsed;

  /**
   * Creates the exception.
   *
   * @param resource what was waited for, such as {@code machine} or {@code image}
   * @param id the resource id
   * @param wanted the states that would have ended the wait
   * @param lastState the last state seen, or null when no answer ever arrived
   * @param elapsed the time waited
   */
  public WaitTimeoutException(
      String resource, String id, Set<String> wanted, String lastState, Duration elapsed) {
    super(
        "timed out after "
            + elapsed.toSeconds()
            + "s waiting for "
            + resource
            + " "
            + id
            + " to reach "
            + wanted
            + " (last seen: "
            + (lastState == null ? "no answer" : lastState)
            + ")");
    this.resource = resource;
    this.id = id;
    this.wanted = Set.copyOf(wanted);
    this.lastState = lastState;
    this.elapsed = elapsed;
  }

  public String resource() {
    return resource;
  }

  public String id() {
    return id;
  }

  public Set<String> wanted() {
    return wanted;
  }

  /** Returns the last state seen, or null when no answer ever arrived. */
  public String lastState() {
    return lastState;
  }

  public Duration elapsed() {
    return elapsed;
  }
}
