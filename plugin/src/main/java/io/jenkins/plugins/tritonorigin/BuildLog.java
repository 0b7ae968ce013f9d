package io.jenkins.plugins.tritonorigin;

import hudson.model.TaskListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.events.EventListener;

/**
 * Writes core's events to the build log as plain lines, each prefixed with the step's name.
 *
 * <p>Waits report every poll and transfers every chunk, so those are thinned out: a wait line when
 * the state seen changes or once a minute, a transfer line every tenth of the total. Events never
 * carry secrets, so nothing here needs masking. Thread-safe: parallel image builds report from
 * several threads, and {@link PrintStream} serialises whole lines.
 */
final class BuildLog implements EventListener {
  private static final long WAIT_REPEAT_NANOS = TimeUnit.MINUTES.toNanos(1);
  private static final long UNKNOWN_TOTAL_STEP = 256L * 1024 * 1024;

  private final PrintStream out;
  private final String prefix;
  private final Map<String, WaitLine> waits = new ConcurrentHashMap<>();
  private final Map<String, Long> transfers = new ConcurrentHashMap<>();
  private volatile String lastLine = "starting";

  BuildLog(TaskListener listener, String functionName) {
    this.out = listener.getLogger();
    this.prefix = "[" + functionName + "] ";
  }

  /** Writes one line. */
  void info(String message) {
    lastLine = message;
    out.println(prefix + message);
  }

  /** Writes one line marked as a warning. */
  void warning(String message) {
    info("WARNING: " + message);
  }

  /** Returns the last line written, for the step's status in thread dumps. */
  String lastLine() {
    return lastLine;
  }

  @Override
  public void on(Event event) {
    try {
      String line = format(event);
      if (line != null) {
        info(line);
      }
    } catch (RuntimeException e) {
      // A listener must not throw into core; a lost log line is the lesser harm.
    }
  }

  private String format(Event event) {
    if (event instanceof Event.PhaseStarted e) {
      return e.phase() + ": started" + subject(e.subject());
    }
    if (event instanceof Event.PhaseFinished e) {
      return e.phase()
          + (e.ok() ? ": finished" : ": FAILED")
          + subject(e.subject())
          + (e.elapsed() == null ? "" : " after " + duration(e.elapsed()));
    }
    if (event instanceof Event.Waiting e) {
      return waiting(e);
    }
    if (event instanceof Event.Transfer e) {
      return transfer(e);
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
      return "WARNING: " + e.message();
    }
    if (event instanceof Event.Info e) {
      return e.message();
    }
    return null;
  }

  private String waiting(Event.Waiting e) {
    String key = e.resource() + " " + e.id();
    String seen = e.lastSeen() == null ? "no answer yet" : e.lastSeen();
    long now = System.nanoTime();
    WaitLine previous = waits.get(key);
    if (previous != null
        && previous.seen().equals(seen)
        && now - previous.printedAt() < WAIT_REPEAT_NANOS) {
      return null;
    }
    waits.put(key, new WaitLine(seen, now));
    return "waiting for "
        + e.resource()
        + " "
        + e.id()
        + " to be "
        + String.join(" or ", e.wanted())
        + " (now "
        + seen
        + (e.elapsed() == null ? "" : ", " + duration(e.elapsed()))
        + ")";
  }

  private String transfer(Event.Transfer e) {
    long step = e.total() > 0 ? Math.max(1, e.total() / 10) : UNKNOWN_TOTAL_STEP;
    long mark = e.done() / step;
    Long previous = transfers.put(e.subject(), mark);
    if (previous != null && previous == mark) {
      return null;
    }
    String amount =
        e.total() > 0
            ? mib(e.done()) + " of " + mib(e.total()) + " (" + (e.done() * 100 / e.total()) + "%)"
            : mib(e.done());
    return "transferred " + amount + " of " + e.subject();
  }

  private static String subject(String subject) {
    return subject == null || subject.isEmpty() ? "" : " " + subject;
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
  }

  /** Formats a duration as {@code 42s}, {@code 3m05s} or {@code 1h02m}. */
  static String duration(Duration d) {
    long seconds = Math.max(0, d.getSeconds());
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
  }

  private record WaitLine(String seen, long printedAt) {}
}
