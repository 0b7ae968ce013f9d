package org.tritondatacenter.origin.cli.progress;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.events.EventTexts;

/**
 * Writes progress as plain lines, for logs: a wait when the state seen changes and then every
 * {@link #WAIT_EVERY} of waiting, a transfer at every tenth of its size (with its rate), and every
 * other event as it comes. No control characters, so a CI log stays readable.
 */
final class PlainProgress implements Progress {
  /** How often a wait whose state does not change is reported, in the operation's own time. */
  static final Duration WAIT_EVERY = Duration.ofSeconds(30);

  private static final long UNKNOWN_TOTAL_STEP = 64L * 1024 * 1024;

  private final PrintWriter err;
  private final Map<String, WaitSeen> waits = new HashMap<>();
  private final Map<String, TransferSeen> transfers = new HashMap<>();

  PlainProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public synchronized void on(Event event) {
    try {
      String line =
          event instanceof Event.Waiting w
              ? waiting(w)
              : event instanceof Event.Transfer t ? transfer(t) : Texts.line(event);
      if (line != null) {
        err.println(line);
        err.flush();
      }
    } catch (RuntimeException e) {
      // A listener must not throw into core; a lost line is the lesser harm.
    }
  }

  private String waiting(Event.Waiting e) {
    String key = e.resource() + " " + e.id();
    String seen = e.lastSeen() == null ? "no answer yet" : e.lastSeen();
    Duration elapsed = e.elapsed() == null ? Duration.ZERO : e.elapsed();
    WaitSeen previous = waits.get(key);
    if (previous != null
        && previous.seen().equals(seen)
        && elapsed.minus(previous.printedAt()).compareTo(WAIT_EVERY) < 0) {
      return null;
    }
    waits.put(key, new WaitSeen(seen, elapsed));
    return "waiting for "
        + Texts.resource(e)
        + " to be "
        + Texts.wanted(e.wanted())
        + " (now "
        + seen
        + ", "
        + EventTexts.duration(elapsed)
        + ")";
  }

  private String transfer(Event.Transfer e) {
    long now = System.nanoTime();
    TransferSeen seen = transfers.get(e.subject());
    if (seen == null || e.done() < seen.done()) {
      // A new transfer, or a retry that started over.
      seen = new TransferSeen(now, 0, -1);
    }
    long step = e.total() > 0 ? Math.max(1, e.total() / 10) : UNKNOWN_TOTAL_STEP;
    long mark = e.done() / step;
    boolean last = e.total() > 0 && e.done() >= e.total();
    if (mark == seen.mark() && !last) {
      transfers.put(e.subject(), new TransferSeen(seen.started(), e.done(), seen.mark()));
      return null;
    }
    if (last && seen.mark() == Long.MAX_VALUE) {
      return null;
    }
    transfers.put(
        e.subject(), new TransferSeen(seen.started(), e.done(), last ? Long.MAX_VALUE : mark));
    double seconds = Math.max(1e-3, (now - seen.started()) / 1e9);
    String rate = String.format(Locale.ROOT, "%.1f MiB/s", e.done() / seconds / (1024 * 1024));
    String amount =
        e.total() > 0
            ? EventTexts.mib(e.done())
                + " of "
                + EventTexts.mib(e.total())
                + " ("
                + (e.done() * 100 / e.total())
                + "%)"
            : EventTexts.mib(e.done());
    return e.subject() + ": " + amount + ", " + rate;
  }

  @Override
  public void close() {
    err.flush();
  }

  private record WaitSeen(String seen, Duration printedAt) {}

  private record TransferSeen(long started, long done, long mark) {}
}
