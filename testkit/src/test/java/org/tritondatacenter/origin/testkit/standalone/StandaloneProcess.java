package org.tritondatacenter.origin.testkit.standalone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standalone local Triton ({@code org.tritondatacenter.origin.testkit.Main}) in a child JVM
 * started from the test classpath, as a user runs it: its standard output parsed into export lines,
 * its standard error collected. Closing it sends SIGTERM and waits for the exit.
 */
public final class StandaloneProcess implements AutoCloseable {
  private static final Pattern EXPORT = Pattern.compile("export ([A-Z_][A-Z0-9_]*)='(.*)'");
  private static final long START_SECONDS = 60;

  private final Process process;
  private final List<String> stdout = new ArrayList<>();
  private final StringBuffer stderr = new StringBuffer();
  private final Map<String, String> exports = new LinkedHashMap<>();
  private final Thread stdoutReader;
  private final Thread stderrReader;

  private StandaloneProcess(Process process) {
    this.process = process;
    this.stderrReader = pump(process.getErrorStream(), line -> stderr.append(line).append('\n'));
    this.stdoutReader = pump(process.getInputStream(), this::addStdout);
  }

  /**
   * Starts the standalone mode with {@code args} and waits until it prints {@code # ready}.
   *
   * @throws IllegalStateException when it exits or stays silent instead, with its standard error
   */
  public static StandaloneProcess start(String... args) {
    StandaloneProcess p = new StandaloneProcess(launch(args));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
    synchronized (p.stdout) {
      while (!p.stdout.contains("# ready")) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (!p.process.isAlive() || left <= 0) {
          p.close();
          throw new IllegalStateException(
              "the standalone testkit did not get ready; stderr:\n" + p.stderr());
        }
        try {
          p.stdout.wait(Math.min(left, 200));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          p.close();
          throw new IllegalStateException("interrupted while the testkit started", e);
        }
      }
    }
    return p;
  }

  /** Runs the standalone mode with {@code args} to its end, as for a usage error or help. */
  public static Exit runToExit(String... args) {
    StandaloneProcess p = new StandaloneProcess(launch(args));
    int status = p.waitFor(START_SECONDS);
    return new Exit(status, p.stdout(), p.stderr());
  }

  /** How a run ended: its exit status and both outputs. */
  public record Exit(int status, List<String> stdout, String stderr) {}

  private static Process launch(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // A short-lived server on shared cores: start fast rather than peak late.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("org.tritondatacenter.origin.testkit.Main");
    command.addAll(List.of(args));
    try {
      return new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot launch " + command.get(0), e);
    }
  }

  private void addStdout(String line) {
    synchronized (stdout) {
      stdout.add(line);
      Matcher m = EXPORT.matcher(line);
      if (m.matches()) {
        exports.put(m.group(1), m.group(2));
      }
      stdout.notifyAll();
    }
  }

  private static Thread pump(InputStream in, java.util.function.Consumer<String> sink) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  sink.accept(line);
                }
              } catch (IOException e) {
                // The process ended; what was read is kept.
              }
            },
            "standalone-output");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Returns the exported variables, such as {@code TRITON_URL}. */
  public Map<String, String> exports() {
    synchronized (stdout) {
      return Map.copyOf(exports);
    }
  }

  /** Returns one exported variable, failing when it was not exported. */
  public String export(String name) {
    String value = exports().get(name);
    if (value == null) {
      throw new IllegalStateException(name + " was not exported; stdout: " + stdout());
    }
    return value;
  }

  /** Returns an exported URL. */
  public URI url(String name) {
    return URI.create(export(name));
  }

  /** Returns every standard output line so far. */
  public List<String> stdout() {
    synchronized (stdout) {
      return List.copyOf(stdout);
    }
  }

  /** Returns standard error so far. */
  public String stderr() {
    return stderr.toString();
  }

  /**
   * Waits (at most 10 s) until standard error holds a match of {@code regex}, and returns standard
   * error. A request's log line is written just after its answer, so it may trail the client.
   */
  public String awaitStderr(String regex) {
    Pattern pattern = Pattern.compile(regex);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!pattern.matcher(stderr).find() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return stderr();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Sends SIGTERM, as Ctrl-C or a service manager would, without waiting. */
  public void terminate() {
    // Through the handle: Process.destroy() would also close the pipes, losing what the process
    // writes while it shuts down.
    process.toHandle().destroy();
  }

  /** Waits for the exit and returns its status, killing the process after {@code seconds}. */
  public int waitFor(long seconds) {
    try {
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new IllegalStateException(
            "the standalone testkit did not exit within " + seconds + " s; stderr:\n" + stderr());
      }
      // The readers finish once the pipes close; join so no output is missed.
      stdoutReader.join(5000);
      stderrReader.join(5000);
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException("interrupted while waiting for the testkit", e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      terminate();
      waitFor(30);
    }
  }
}
