package io.jenkins.plugins.tritonorigin;

import hudson.model.TaskListener;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.events.EventTexts;

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
    if (event instanceof Event.Waiting e) {
      return waiting(e);
    }
    if (event instanceof Event.Transfer e) {
      return transfer(e);
    }
    if (event instanceof Event.Warning e) {
      return "WARNING: " + e.message();
    }
    return EventTexts.line(event);
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
        + (e.elapsed() == null ? "" : ", " + EventTexts.duration(e.elapsed()))
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
            ? EventTexts.mib(e.done())
                + " of "
                + EventTexts.mib(e.total())
                + " ("
                + (e.done() * 100 / e.total())
                + "%)"
            : EventTexts.mib(e.done());
    return "transferred " + amount + " of " + e.subject();
  }

  private record WaitLine(String seen, long printedAt) {}
}
