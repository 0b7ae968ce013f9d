package org.tritondatacenter.origin.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tritondatacenter.origin.testsupport.SuiteSecretGuard;
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
    // What the command printed, --json output included, must show no secret.
    SuiteSecretGuard.record(out.toString());
    SuiteSecretGuard.record(err.toString());
    return new Result(status, out.toString(), err.toString());
  }

  /**
   * Starts the command line as its own process, so it can be killed without any cleanup; what it
   * prints goes to {@code log} in the working directory.
   */
  Process spawn(String log, String... command) throws IOException {
    List<String> args = new ArrayList<>();
    args.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    args.add("-cp");
    args.add(System.getProperty("java.class.path"));
    args.add(Main.class.getName());
    args.addAll(List.of(command));
    ProcessBuilder builder =
        new ProcessBuilder(args)
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve(log).toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Map<String, String> processEnv = builder.environment();
    processEnv.clear();
    processEnv.putAll(env);
    processEnv.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    processEnv.put("HOME", home.toString());
    return builder.start();
  }
}
