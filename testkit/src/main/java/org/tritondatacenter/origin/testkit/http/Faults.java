package org.tritondatacenter.origin.testkit.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The faults injected into the local Triton, and the clock offset each kind of service applies to
 * its own notion of "now" (for {@code Date} answers and the 300 s signature skew check).
 * Thread-safe.
 */
public final class Faults {
  private final List<Fault> rules = new ArrayList<>();
  private final Map<ServiceKind, Duration> clockOffsets = new EnumMap<>(ServiceKind.class);

  /** Adds a fault rule after the existing ones and returns it. */
  public synchronized Fault add(Fault fault) {
    rules.add(fault);
    return fault;
  }

  /** Removes every rule and clock offset. */
  public synchronized void clear() {
    rules.clear();
    clockOffsets.clear();
  }

  /**
   * Sets how far a kind of service's clock is from real time; positive is ahead. The service then
   * answers with that {@code Date} and checks signature dates against it.
   */
  public synchronized void clockOffset(ServiceKind kind, Duration offset) {
    clockOffsets.put(kind, offset);
  }

  /** Returns the clock offset of a kind of service (zero by default). */
  public synchronized Duration clockOffset(ServiceKind kind) {
    return clockOffsets.getOrDefault(kind, Duration.ZERO);
  }

  synchronized Fault match(Exchange exchange) {
    for (Fault rule : rules) {
      if (rule.tryFire(exchange)) {
        return rule;
      }
    }
    return null;
  }
}
