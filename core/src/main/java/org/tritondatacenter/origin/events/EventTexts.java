package org.tritondatacenter.origin.events;

import java.time.Duration;
import java.util.Locale;

/**
 * The words every presentation of events uses, so a terminal, a CI log and a Jenkins build log read
 * alike. Presentations that thin out or draw waits and transfers do that themselves.
 */
public final class EventTexts {
  private EventTexts() {}

  /**
   * Returns the line for a phase, a cleanup step or a note, or null for other events (waits,
   * transfers and warnings, which each presentation shows its own way).
   */
  public static String line(Event event) {
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
    if (event instanceof Event.Info e) {
      return e.message();
    }
    return null;
  }

  /** Formats a duration as {@code 42s}, {@code 3m05s} or {@code 1h02m}; null gives "". */
  public static String duration(Duration d) {
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

  /** Formats a byte count as MiB with one decimal, such as {@code 12.5 MiB}. */
  public static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
  }

  private static String subject(String subject) {
    return subject == null || subject.isEmpty() ? "" : " " + subject;
  }
}
