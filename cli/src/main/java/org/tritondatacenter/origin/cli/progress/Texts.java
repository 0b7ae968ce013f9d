package org.tritondatacenter.origin.cli.progress;

import java.util.Set;
import java.util.TreeSet;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.events.EventTexts;

/** The words both presentations use beyond core's {@link EventTexts}. */
final class Texts {
  private Texts() {}

  static String wanted(Set<String> wanted) {
    return String.join(" or ", new TreeSet<>(wanted));
  }

  /** Names a resource briefly: a machine by the first block of its UUID. */
  static String resource(Event.Waiting e) {
    String id = e.id() == null ? "" : e.id();
    String shortId = id.length() == 36 && id.charAt(8) == '-' ? id.substring(0, 8) : id;
    return e.resource() + " " + shortId;
  }

  /** Returns the line for an event that is not drawn as a bar, or null to show nothing. */
  static String line(Event event) {
    if (event instanceof Event.Warning e) {
      return "warning: " + e.message();
    }
    return EventTexts.line(event);
  }
}
