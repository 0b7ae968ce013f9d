package org.tritondatacenter.origin.bench;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The measured client: one process per run, so each run gets its own JVM, its own peak RSS and no
 * warm state from the run before. It performs one transfer (or one digest pass), times only that
 * call, and prints a {@code RESULT key=value ...} line for {@link BenchMain}.
 *
 * <pre>
 * java -cp ... org.tritondatacenter.origin.bench.ClientMain put manta=URL account=alice key=FILE \
 *     file=FILE md5=BASE64 path=/alice/stor/bench/x
 * </pre>
 */
public final class ClientMain {
  private ClientMain() {}

  /**
   * Runs one measured operation: {@code digest}, {@code put}, {@code put-raw}, {@code add-file},
   * {@code add-file-raw} or {@code publish}, with {@code key=value} arguments.
   */
  public static void main(String[] argv) throws Exception {
    if (argv.length == 0) {
      System.err.println("usage: ClientMain <operation> key=value...");
      System.exit(2);
    }
    double jvmStart = ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
    long prepareStart = System.nanoTime();
    Map<String, String> args = parse(argv);
    String operation = argv[0];
    boolean heap = Boolean.parseBoolean(args.getOrDefault("heap", "false"));
    ClientOperations.Transfer transfer = ClientOperations.prepare(operation, args);
    double prepare = (System.nanoTime() - prepareStart) / 1e9;
    HeapSampler sampler = heap ? new HeapSampler() : null;
    double cpuBefore = BenchEnvironment.ownCpuSeconds();
    long start = System.nanoTime();
    long bytes = transfer.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = BenchEnvironment.ownCpuSeconds() - cpuBefore;
    StringBuilder line =
        new StringBuilder(Launcher.RESULT_PREFIX)
            .append("seconds=")
            .append(fmt(seconds))
            .append(" bytes=")
            .append(bytes)
            .append(" mbps=")
            .append(fmt(bytes / seconds / 1e6))
            .append(" cpuSeconds=")
            .append(fmt(cpu))
            .append(" jvmStartSeconds=")
            .append(fmt(jvmStart))
            .append(" prepareSeconds=")
            .append(fmt(prepare));
    if (sampler != null) {
      sampler.close();
      line.append(" heapPeakMiB=")
          .append(fmt(sampler.peakUsedMib()))
          .append(" heapAfterGcPeakMiB=")
          .append(fmt(sampler.peakAfterGcMib()))
          .append(" heapMaxMiB=")
          .append(fmt(HeapSampler.maxHeapMib()));
    }
    System.out.println(line);
    // OkHttp's pool threads would keep the JVM up for a minute; the answer is in.
    System.exit(0);
  }

  static Map<String, String> parse(String[] argv) {
    Map<String, String> args = new LinkedHashMap<>();
    for (int i = 1; i < argv.length; i++) {
      int eq = argv[i].indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "argument '" + argv[i] + "' is not key=value, such as file=bench/target/data.bin");
      }
      args.put(argv[i].substring(0, eq), argv[i].substring(eq + 1));
    }
    return args;
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }
}
