package org.tritondatacenter.origin.cli.progress;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import me.tongfei.progressbar.ProgressState;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.events.EventTexts;

/**
 * Draws progress on a terminal: a bar with rate and ETA for each byte transfer, and a live line for
 * each wait showing the state awaited, the last state seen and the time waited so far. Other events
 * are printed as lines. Bars end when their transfer completes, when their wait reaches a wanted
 * state, or when a phase ends.
 */
final class TerminalProgress implements Progress {
  private static final String SPINNER = "|/-\\";

  /** Transfers smaller than this get no bar. */
  private static final long SMALL = 1024 * 1024;

  private final PrintStream out;
  private final int width;
  private final Map<String, ProgressBar> transfers = new LinkedHashMap<>();
  private final Map<String, ProgressBar> waits = new LinkedHashMap<>();

  TerminalProgress(PrintStream out, int width) {
    this.out = out;
    this.width = width;
  }

  @Override
  public synchronized void on(Event event) {
    try {
      if (event instanceof Event.Transfer t) {
        transfer(t);
      } else if (event instanceof Event.Waiting w) {
        waiting(w);
      } else {
        if (event instanceof Event.PhaseFinished) {
          closeAll(waits);
        }
        String line = Texts.line(event);
        if (line != null) {
          out.println(line);
        }
      }
    } catch (RuntimeException e) {
      // A listener must not throw into core; a bar not drawn is the lesser harm.
    }
  }

  private void transfer(Event.Transfer e) {
    if (e.total() >= 0 && e.total() < SMALL) {
      // A manifest or a checksum file is done before a bar could show anything.
      return;
    }
    ProgressBar bar = transfers.get(e.subject());
    if (bar == null || e.done() < bar.getCurrent()) {
      if (bar != null) {
        bar.close();
      }
      bar =
          builder(e.subject())
              .setInitialMax(e.total() > 0 ? e.total() : -1)
              .setUnit(" MiB", 1024 * 1024)
              .showSpeed()
              .setSpeedUnit(ChronoUnit.SECONDS)
              .build();
      transfers.put(e.subject(), bar);
    }
    bar.stepTo(e.done());
    if (e.total() > 0 && e.done() >= e.total()) {
      bar.close();
      transfers.remove(e.subject());
    }
  }

  private void waiting(Event.Waiting e) {
    String key = e.resource() + " " + e.id();
    ProgressBar bar = waits.get(key);
    if (bar == null) {
      bar =
          builder(Texts.resource(e))
              .setInitialMax(-1)
              .setRenderer(TerminalProgress::waitLine)
              .build();
      waits.put(key, bar);
    }
    String seen = e.lastSeen() == null ? "no answer yet" : e.lastSeen();
    bar.setExtraMessage(
        "want "
            + Texts.wanted(e.wanted())
            + ", now "
            + seen
            + ", "
            + EventTexts.duration(e.elapsed()));
    if (e.lastSeen() != null && e.wanted().contains(e.lastSeen())) {
      bar.close();
      waits.remove(key);
    }
  }

  /**
   * Draws a wait as a spinner and its status: a bar and a count mean nothing for a state change,
   * and the time shown is the operation's own, from the event.
   */
  private static String waitLine(ProgressState state, int maxLength) {
    char spin = SPINNER.charAt((int) (state.getElapsedAfterStart().toMillis() / 250 % 4));
    String line = spin + " " + state.getTaskName() + ": " + state.getExtraMessage();
    return line.length() > maxLength ? line.substring(0, Math.max(0, maxLength)) : line;
  }

  private ProgressBarBuilder builder(String task) {
    return new ProgressBarBuilder()
        .setTaskName(task.length() > 40 ? "..." + task.substring(task.length() - 37) : task)
        .setStyle(ProgressBarStyle.UNICODE_BLOCK)
        .setUpdateIntervalMillis(250)
        .setConsumer(new InteractiveConsoleProgressBarConsumer(out, width));
  }

  private static void closeAll(Map<String, ProgressBar> bars) {
    bars.values().forEach(ProgressBar::close);
    bars.clear();
  }

  @Override
  public synchronized void close() {
    closeAll(transfers);
    closeAll(waits);
    out.flush();
  }
}
