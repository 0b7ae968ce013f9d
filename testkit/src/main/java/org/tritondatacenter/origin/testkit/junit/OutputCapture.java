package org.tritondatacenter.origin.testkit.junit;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures what a test lets out: standard output and error (teed, so they still show), {@code
 * java.util.logging} records reaching the root logger, and text the test hands over.
 *
 * <p>While it runs, the project's loggers ({@code org.tritondatacenter.origin}) log at every level,
 * so a secret in a debug message is caught even though the console does not show it.
 */
final class OutputCapture {
  /** One piece of captured text and where it came from. */
  record Captured(String where, String text) {}

  private static final String PROJECT_LOGGER = "org.tritondatacenter.origin";

  private final Charset charset = Charset.defaultCharset();
  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<Captured> records = new ArrayList<>();
  private final Logger root = Logger.getLogger("");
  private final Logger project = Logger.getLogger(PROJECT_LOGGER);
  private final Level projectLevel = project.getLevel();
  private final Handler handler = new RecordHandler();

  private OutputCapture() {}

  static OutputCapture start() {
    OutputCapture capture = new OutputCapture();
    System.setOut(
        new PrintStream(new Tee(capture.originalOut, capture.out), true, capture.charset));
    System.setErr(
        new PrintStream(new Tee(capture.originalErr, capture.err), true, capture.charset));
    capture.project.setLevel(Level.ALL);
    capture.root.addHandler(capture.handler);
    return capture;
  }

  /** Adds text the test hands over, such as an exception message or an event. */
  synchronized void record(String where, String text) {
    records.add(new Captured(where, text == null ? "null" : text));
  }

  /** Restores the streams and the logging set-up. */
  void stop() {
    System.out.flush();
    System.err.flush();
    System.setOut(originalOut);
    System.setErr(originalErr);
    root.removeHandler(handler);
    project.setLevel(projectLevel);
  }

  /** Returns everything captured, standard output and error first. */
  synchronized List<Captured> texts() {
    List<Captured> all = new ArrayList<>();
    synchronized (out) {
      all.add(new Captured("standard output", out.toString(charset)));
    }
    synchronized (err) {
      all.add(new Captured("standard error", err.toString(charset)));
    }
    all.addAll(records);
    return all;
  }

  private final class RecordHandler extends Handler {
    private final SimpleFormatter formatter = new SimpleFormatter();

    RecordHandler() {
      setLevel(Level.ALL);
    }

    @Override
    public void publish(LogRecord record) {
      StringBuilder text = new StringBuilder(formatter.formatMessage(record));
      for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
        text.append('\n').append(t);
        for (Throwable s : t.getSuppressed()) {
          text.append('\n').append(s);
        }
      }
      record(
          "a log record of " + record.getLoggerName() + " at " + record.getLevel(),
          text.toString());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  /** Writes every byte to the original stream and to the capture buffer. */
  private static final class Tee extends OutputStream {
    private final PrintStream original;
    private final ByteArrayOutputStream copy;

    Tee(PrintStream original, ByteArrayOutputStream copy) {
      this.original = original;
      this.copy = copy;
    }

    @Override
    public void write(int b) {
      synchronized (copy) {
        copy.write(b);
      }
      original.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      synchronized (copy) {
        copy.write(b, off, len);
      }
      original.write(b, off, len);
    }

    @Override
    public void flush() {
      original.flush();
    }
  }
}
