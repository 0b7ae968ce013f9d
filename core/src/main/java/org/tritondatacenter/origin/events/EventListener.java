package org.tritondatacenter.origin.events;

/**
 * Receives the events an operation reports. Implementations must be thread-safe: parallel image
 * builds report from several threads. A listener does no work of its own in core; it only presents
 * what it receives.
 */
@FunctionalInterface
public interface EventListener {
  /** A listener that ignores every event. */
  EventListener NONE = event -> {};

  /** Receives one event. It must not throw. */
  void on(Event event);
}
