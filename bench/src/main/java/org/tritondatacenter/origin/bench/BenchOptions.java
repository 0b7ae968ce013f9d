package org.tritondatacenter.origin.bench;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a benchmark run is configured: where its files go, how many runs per measurement, the size of
 * the generated files, and which rows to run.
 *
 * @param workDir scratch space for generated files and node-manta, such as {@code bench/target}
 * @param runs runs per measurement; at least 3 for a median and range worth printing
 * @param transferBytes the size of the generated file and synthetic object of B1-B4
 * @param bigBytes the size moved in B5
 * @param smallBytes the size B5 compares against
 * @param rows the rows to run, such as {@code B1}; all when empty
 * @param results where the table is written as Markdown, or null
 * @param cliJar the CLI's runnable jar, for B8
 */
record BenchOptions(
    Path workDir,
    int runs,
    long transferBytes,
    long bigBytes,
    long smallBytes,
    Set<String> rows,
    Path results,
    Path cliJar) {
  static final long GIB = 1024L * 1024 * 1024;

  BenchOptions {
    if (runs < 1) {
      throw new IllegalArgumentException("--runs " + runs + " must be at least 1");
    }
    rows = Set.copyOf(rows);
  }

  /** Returns true when row {@code id} (such as {@code B4}) is to run. */
  boolean runs(String id) {
    return rows.isEmpty() || rows.contains(id);
  }

  /**
   * Parses {@code --work DIR}, {@code --runs N}, {@code --gib N}, {@code --quick}, {@code --only
   * B1,B4}, {@code --results FILE} and {@code --cli-jar FILE}.
   */
  static BenchOptions parse(String[] argv) {
    Path work = Path.of("bench/target");
    int runs = 3;
    long transfer = 2 * GIB;
    long big = 4 * GIB;
    long small = 100_000_000L;
    Set<String> rows = new LinkedHashSet<>();
    Path results = null;
    Path cliJar = Path.of("cli/target/triton-origin.jar");
    for (int i = 0; i < argv.length; i++) {
      String arg = argv[i];
      switch (arg) {
        case "--work" -> work = Path.of(value(argv, ++i, arg));
        case "--runs" -> runs = Integer.parseInt(value(argv, ++i, arg));
        case "--gib" -> transfer = Math.round(Double.parseDouble(value(argv, ++i, arg)) * GIB);
        case "--quick" -> {
          // A smoke test of the harness itself: small sizes, one run.
          runs = 1;
          transfer = 256L * 1024 * 1024;
          big = 512L * 1024 * 1024;
          small = 32L * 1024 * 1024;
        }
        case "--only" -> {
          for (String row : value(argv, ++i, arg).split(",")) {
            rows.add(row.trim().toUpperCase(Locale.ROOT));
          }
        }
        case "--results" -> results = Path.of(value(argv, ++i, arg));
        case "--cli-jar" -> cliJar = Path.of(value(argv, ++i, arg));
        default ->
            throw new IllegalArgumentException(
                "unknown option '"
                    + arg
                    + "'; use --work DIR, --runs N, --gib N, --quick, --only B1,B2 or"
                    + " --results FILE, --cli-jar FILE");
      }
    }
    for (String row : rows) {
      if (!List.of("B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8").contains(row)) {
        throw new IllegalArgumentException("--only names an unknown row '" + row + "'; use B1-B8");
      }
    }
    return new BenchOptions(work, runs, transfer, big, small, rows, results, cliJar);
  }

  private static String value(String[] argv, int i, String option) {
    if (i >= argv.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return argv[i];
  }
}
