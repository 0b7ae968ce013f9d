package org.tritondatacenter.origin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the benchmarks B1-B8 and prints one Markdown table of results, ratios and verdicts, with the
 * machine's facts. Transfers run in child processes ({@link ClientMain}) against one local Triton
 * in bench mode that lives in this process.
 *
 * <pre>
 * bench/run.sh                 # builds, installs node-manta, runs everything
 * bench/run.sh --only B1,B6    # some rows
 * bench/run.sh --quick         # small sizes and one run: checks the harness itself
 * </pre>
 */
public final class BenchMain {
  /** Held so the level set on it stays: Jetty's start and stop lines would drown the progress. */
  private static final Logger JETTY = Logger.getLogger("org.eclipse.jetty");

  private BenchMain() {}

  /** Runs the benchmarks the arguments select; see {@link BenchOptions#parse}. */
  public static void main(String[] argv) throws IOException {
    JETTY.setLevel(Level.WARNING);
    BenchOptions options = BenchOptions.parse(argv);
    // run.sh names itself and the arguments it was given; its own --work and --results are noise.
    String command = System.getenv("BENCH_COMMAND");
    if (command == null) {
      command = BenchMain.class.getName() + " " + String.join(" ", argv);
    }
    String started = Facts.now();
    String loadBefore = Facts.load();
    List<Row> rows = new ArrayList<>();
    List<Row> b8 = List.of();
    boolean transfers =
        options.runs("B1")
            || options.runs("B2")
            || options.runs("B3")
            || options.runs("B4")
            || options.runs("B5")
            || options.runs("B8");
    if (transfers) {
      try (BenchEnvironment env = BenchEnvironment.start(options)) {
        if (options.runs("B1") || options.runs("B2") || options.runs("B3") || options.runs("B4")) {
          progress("generating " + TransferBench.gib(options.transferBytes()) + " of test data");
          DataFile file = env.generate("data.bin", options.transferBytes(), 1);
          if (options.runs("B1") || options.runs("B2") || options.runs("B3")) {
            progress("B1-B3: uploads and the streaming publish");
            rows.addAll(
                guarded(
                    List.of("B1", "B2", "B3"), options, () -> new TransferBench(env).run(file)));
          }
          if (options.runs("B4")) {
            progress("B4: node-manta mput");
            rows.addAll(
                guarded(List.of("B4"), options, () -> List.of(new MputBench(env).run(file))));
          }
          file.delete();
        }
        if (options.runs("B5")) {
          progress("B5: memory under -Xmx64m");
          rows.addAll(guarded(List.of("B5"), options, () -> List.of(new MemoryBench(env).run())));
        }
        if (options.runs("B8")) {
          progress("B8: CLI start to first request");
          b8 =
              guarded(
                  List.of("B8"),
                  options,
                  () -> List.of(new StartupBench(env, options.cliJar()).run()));
        }
      }
    }
    if (options.runs("B6")) {
      progress("B6: polls per wait");
      rows.addAll(guarded(List.of("B6"), options, () -> List.of(new PollBench().run())));
    }
    if (options.runs("B7")) {
      progress("B7: parallel builds");
      rows.addAll(
          guarded(List.of("B7"), options, () -> List.of(new BuildBench().run(options.runs()))));
    }
    rows.addAll(b8);
    String table = ResultsTable.render(command, started, loadBefore, rows);
    System.out.println();
    System.out.println(table);
    if (options.results() != null) {
      Files.writeString(options.results(), table);
      progress("table written to " + options.results());
    }
    // Child processes are gone; OkHttp's idle threads would keep this JVM up for a while.
    System.exit(0);
  }

  /**
   * Runs the rows {@code ids} and returns them; when they fail, returns each as not measured with
   * the reason and prints the trace, so one broken row does not cost the whole table.
   */
  static List<Row> guarded(List<String> ids, BenchOptions options, Supplier<List<Row>> rows) {
    try {
      return rows.get();
    } catch (RuntimeException e) {
      e.printStackTrace();
      return ids.stream()
          .filter(options::runs)
          .map(id -> Row.notRun(id, Row.target(id), "failed: " + e.getMessage()))
          .toList();
    }
  }

  static void progress(String message) {
    System.err.println("[bench " + Facts.now() + ", load " + Facts.load1() + "] " + message);
  }
}
