package org.tritondatacenter.origin.wait;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/** Presents one of our clocks as a {@link java.time.Clock}, reading it on every call. */
final class JavaClockView extends java.time.Clock {
  private final Clock clock;
  private final ZoneId zone;

  JavaClockView(Clock clock, ZoneId zone) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.zone = Objects.requireNonNull(zone, "zone == null");
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public java.time.Clock withZone(ZoneId newZone) {
    return new JavaClockView(clock, newZone);
  }

  @Override
  public Instant instant() {
    return clock.now();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JavaClockView view && view.clock == clock && view.zone.equals(zone);
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(clock) * 31 + zone.hashCode();
  }

  @Override
  public String toString() {
    return "JavaClockView[" + clock + ", " + zone + "]";
  }
}
