package org.tritondatacenter.origin.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tritondatacenter.origin.wait.ScaledClock;

/**
 * Runs the command line in this process as a user would, with its own environment, home and working
 * directory: never the real user's.
 */
final class Cli {
  final Path home;
  final Path work;
  final Map<String, String> env = new LinkedHashMap<>();
  final Interruption interruption = new Interruption();
  boolean terminal;
  String input = "";
  ScaledClock clock;

  Cli(Path dir) throws IOException {
    this.home = Files.createDirectories(dir.resolve("home"));
    this.work = Files.createDirectories(dir.resolve("work"));
  }

  /** The outcome of one command. */
  record Result(int status, String out, String err) {
    @Override
    public String toString() {
      return "exit " + status + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment.Builder b =
        CliEnvironment.builder()
            .env(env)
            .home(home)
            .workingDir(work)
            .out(new PrintWriter(out, true))
            .err(new PrintWriter(err, true))
            .in(new BufferedReader(new StringReader(input)))
            .terminal(terminal)
            .interruption(interruption);
    if (clock != null) {
      b.time(clock, clock);
    }
    int status = Main.execute(args, b.build());
    return new Result(status, out.toString(), err.toString());
  }
}
