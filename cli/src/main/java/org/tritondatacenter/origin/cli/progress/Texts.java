package org.tritondatacenter.origin.cli.progress;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.tritondatacenter.origin.events.Event;

/** The words both presentations use, so a terminal and a CI log read alike. */
final class Texts {
  private Texts() {}

  /** Formats a duration as {@code 42s}, {@code 3m05s} or {@code 1h02m}. */
  static String duration(Duration d) {
    if (d == null) {
      return "";
    }
    long seconds = Math.max(0, d.getSeconds());
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
  }

  static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
  }

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
    if (event instanceof Event.PhaseStarted e) {
      return e.phase() + ": started" + subject(e.subject());
    }
    if (event instanceof Event.PhaseFinished e) {
      return e.phase()
          + (e.ok() ? ": finished" : ": FAILED")
          + subject(e.subject())
          + (e.elapsed() == null ? "" : " after " + duration(e.elapsed()));
    }
    if (event instanceof Event.Cleanup e) {
      return "cleanup: "
          + e.action()
          + " "
          + e.resource()
          + (e.ok()
              ? ": done"
              : ": NOT DONE" + (e.detail() == null ? "" : " (" + e.detail() + ")"));
    }
    if (event instanceof Event.Warning e) {
      return "warning: " + e.message();
    }
    if (event instanceof Event.Info e) {
      return e.message();
    }
    return null;
  }

  private static String subject(String subject) {
    return subject == null || subject.isEmpty() ? "" : " " + subject;
  }
}
