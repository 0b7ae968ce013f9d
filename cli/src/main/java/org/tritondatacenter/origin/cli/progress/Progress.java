package org.tritondatacenter.origin.cli.progress;

import java.io.PrintStream;
import java.io.PrintWriter;
import org.tritondatacenter.origin.events.EventListener;

/** An event listener that draws progress and must be closed when the operation ends. */
public interface Progress extends EventListener, AutoCloseable {

  /**
   * Returns the presentation for where standard error goes.
   *
   * @param terminal true when a person watches a terminal
   * @param width the terminal's width in columns, for progress bars
   * @param stream standard error as a stream, for progress bars
   * @param err standard error as a writer, for plain lines
   */
  static Progress create(boolean terminal, int width, PrintStream stream, PrintWriter err) {
    return terminal ? new TerminalProgress(stream, width) : new PlainProgress(err);
  }

  /** Ends every bar still drawn. */
  @Override
  void close();
}
