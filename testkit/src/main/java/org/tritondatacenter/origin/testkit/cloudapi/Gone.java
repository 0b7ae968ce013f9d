package org.tritondatacenter.origin.testkit.cloudapi;

import java.util.Map;

/**
 * Thrown for a machine that is deleted: CloudAPI answers 410 Gone with the machine itself as the
 * body (state {@code deleted}), not an error object.
 */
final class Gone extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Map<String, Object> machine;

  Gone(Map<String, Object> machine) {
    super("machine " + machine.get("id") + " is deleted", null, false, false);
    this.machine = machine;
  }

  Map<String, Object> machine() {
    return machine;
  }
}
