package org.tritondatacenter.origin.testkit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.tritondatacenter.origin.testkit.http.TestkitServer;

/**
 * Runs the local Triton standalone until it is stopped (Ctrl-C or SIGTERM).
 *
 * <p>Standard output carries only {@code export NAME='value'} lines, comments, and finally a {@code
 * # ready} line, so a shell can {@code eval} it; logs go to standard error. Run with {@code --help}
 * for the options.
 */
public final class Main {
  // Held here because java.util.logging keeps loggers only weakly: a configured logger nobody
  // references may be collected and lose its level.
  private static final Logger REQUEST_LOGGER = Logger.getLogger(TestkitServer.class.getName());

  private Main() {}

  /** Starts the local Triton and blocks until the process is stopped. */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err, true);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Parses {@code args}, starts the local Triton and prints the exports. With {@code block} it
   * waits until the JVM shuts down; otherwise it stops at once (for tests).
   *
   * @return the exit status: 0, or 2 for bad usage
   */
  static int run(String[] args, PrintStream out, PrintStream err, boolean block) {
    StandaloneOptions parsed;
    try {
      parsed = StandaloneOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("triton-origin simulator: " + e.getMessage());
      err.println("Run with --help for the options.");
      return 2;
    }
    if (parsed.help()) {
      out.print(StandaloneOptions.usage());
      return 0;
    }
    if (parsed.verbose()) {
      logRequests();
    }
    LocalTriton triton;
    try {
      triton = LocalTriton.start(parsed.options());
    } catch (RuntimeException e) {
      err.println("triton-origin simulator: cannot start: " + e.getMessage());
      return 1;
    }
    List<String> lines = exportLines(triton, parsed.options().home());
    if (parsed.envFile() != null) {
      // Written before "# ready", so whoever waits for that line finds the file complete.
      try {
        Files.write(parsed.envFile(), lines, StandardCharsets.UTF_8);
      } catch (IOException e) {
        triton.close();
        err.println("triton-origin simulator: --env-file " + parsed.envFile() + ": " + e);
        return 2;
      }
    }
    CountDownLatch stopped = new CountDownLatch(1);
    if (block) {
      // Registered before "# ready": whoever waits for that line may stop the process at once.
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    triton.close();
                    err.println("local Triton stopped");
                    err.flush();
                    stopped.countDown();
                  },
                  "testkit-shutdown"));
    }
    lines.forEach(out::println);
    out.println("# ready");
    out.flush();
    err.println(
        "local Triton ready: CloudAPI " + triton.cloudApiUrl() + ", Manta " + triton.mantaUrl());
    if (!block) {
      triton.close();
      return 0;
    }
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** Logs one line per answered request on standard error, where the other logs go. */
  private static void logRequests() {
    REQUEST_LOGGER.setLevel(Level.FINE);
    ConsoleHandler handler = new ConsoleHandler();
    handler.setLevel(Level.FINE);
    // Warnings still reach the default handler; this one adds only the request lines.
    handler.setFilter(r -> r.getLevel() == Level.FINE);
    handler.setFormatter(
        new Formatter() {
          @Override
          public String format(LogRecord record) {
            return "request " + formatMessage(record) + System.lineSeparator();
          }
        });
    REQUEST_LOGGER.addHandler(handler);
  }

  static List<String> exportLines(LocalTriton triton, Path home) {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, String> e : triton.exports().entrySet()) {
      lines.add("export " + e.getKey() + "=" + shellQuote(e.getValue()));
    }
    if (home != null) {
      // Exporting HOME would change the user's shell, so only say how to point the clients at it.
      lines.add(
          "# The Node.js triton and manta clients read keys only from ~/.ssh or the ssh-agent:"
              + " run them with HOME="
              + shellQuote(home.toString())
              + ", or ssh-add "
              + shellQuote(home.resolve(".ssh").resolve("id_rsa").toString()));
    }
    return lines;
  }

  static String shellQuote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
