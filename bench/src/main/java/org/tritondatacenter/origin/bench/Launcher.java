package org.tritondatacenter.origin.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the measured processes: child JVMs of this class path, {@code curl}, {@code node}. Each
 * runs under GNU {@code time -v}, whose report goes to a file of its own so it never mixes with the
 * process's output.
 */
final class Launcher {
  static final String TIME = "/usr/bin/time";
  static final String RESULT_PREFIX = "RESULT ";

  private final Path scratch;
  private final boolean hasTime;

  Launcher(Path scratch) {
    this.scratch = scratch;
    this.hasTime = Files.isExecutable(Path.of(TIME));
  }

  /** Returns true when GNU time is there, so peak RSS can be measured. */
  boolean measuresRss() {
    return hasTime;
  }

  /** Returns the command that starts a JVM of this class path running {@code mainClass}. */
  static List<String> java(List<String> jvmOptions, String mainClass, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  /**
   * Runs {@code command} under {@code time -v} and waits for it, at most {@code timeout}. {@code
   * env} adds variables; an empty value removes one.
   */
  ProcessResult run(List<String> command, Map<String, String> env, Duration timeout) {
    return execute(command, env, timeout, hasTime);
  }

  private ProcessResult execute(
      List<String> command, Map<String, String> env, Duration timeout, boolean timed) {
    Path report = null;
    List<String> full = new ArrayList<>();
    try {
      if (timed) {
        report = Files.createTempFile(scratch, "time-", ".txt");
        full.addAll(List.of(TIME, "-v", "-o", report.toString()));
      }
      full.addAll(command);
      ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
      // An empty value removes the variable, such as SSH_AUTH_SOCK for a tool that must use a key
      // file rather than the caller's agent.
      env.forEach(
          (name, value) -> {
            if (value.isEmpty()) {
              builder.environment().remove(name);
            } else {
              builder.environment().put(name, value);
            }
          });
      long start = System.nanoTime();
      Process process = builder.start();
      List<String> output = new ArrayList<>();
      // Read on another thread, so a process that hangs with its output open still times out.
      Thread reader = new Thread(() -> readAll(process, output), "bench-output");
      reader.setDaemon(true);
      reader.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "timed out after " + timeout + ": " + String.join(" ", command));
      }
      reader.join(TimeUnit.SECONDS.toMillis(10));
      double launcherSeconds = (System.nanoTime() - start) / 1e9;
      List<String> timeLines = report == null ? List.of() : Files.readAllLines(report);
      double wall = TimeReport.elapsedSeconds(timeLines);
      List<String> lines;
      synchronized (output) {
        lines = List.copyOf(output);
      }
      return new ProcessResult(
          process.exitValue(),
          lines,
          resultValues(lines),
          Double.isNaN(wall) ? launcherSeconds : wall,
          TimeReport.peakRssKib(timeLines),
          TimeReport.cpuSeconds(timeLines));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command.get(0), e);
    } finally {
      if (report != null) {
        try {
          Files.deleteIfExists(report);
        } catch (IOException e) {
          // A leftover report in target/ is harmless.
        }
      }
    }
  }

  /**
   * Runs {@code command} without {@code time -v}, timing it from this process with the monotonic
   * clock: for short processes, where time's 10 ms resolution and its own start would show.
   */
  ProcessResult runPlain(List<String> command, Map<String, String> env, Duration timeout) {
    return execute(command, env, timeout, false);
  }

  /** Runs {@code command} and fails, with its output, unless it exits 0. */
  ProcessResult runChecked(List<String> command, Map<String, String> env, Duration timeout) {
    ProcessResult result = run(command, env, timeout);
    if (result.exitCode() != 0) {
      throw new IllegalStateException(
          String.join(" ", command.subList(0, Math.min(3, command.size())))
              + "... exited "
              + result.exitCode()
              + ":\n"
              + result.tail());
    }
    return result;
  }

  private static void readAll(Process process, List<String> lines) {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        synchronized (lines) {
          lines.add(line);
        }
      }
    } catch (IOException e) {
      synchronized (lines) {
        lines.add("(output unreadable: " + e.getMessage() + ")");
      }
    }
  }

  /** Parses the last {@code RESULT key=value ...} line. */
  static Map<String, String> resultValues(List<String> output) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : output) {
      if (line.startsWith(RESULT_PREFIX)) {
        values.clear();
        for (String pair : line.substring(RESULT_PREFIX.length()).trim().split("\\s+")) {
          int eq = pair.indexOf('=');
          if (eq > 0) {
            values.put(pair.substring(0, eq), pair.substring(eq + 1));
          }
        }
      }
    }
    return values;
  }
}
