package org.tritondatacenter.origin.testkit.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.LocalTritonOptions;
import org.tritondatacenter.origin.testkit.StorageMode;

/**
 * Measures whether testkit could limit the project's throughput benchmarks: {@code curl -T} of a 1
 * GiB file to testkit's unauthenticated Manta listener (DISCARD storage, bench mode) against the
 * same upload to {@link DiscardSink}, a trivial server that reads and drops the body. Runs
 * alternate between the two after one warm-up each, and it prints each run, the median and range of
 * each, and the ratio of the medians, testkit/sink. Not a test: it asserts nothing and takes about
 * a minute.
 *
 * <pre>
 * testkit/bench/put-throughput.sh [--runs N] [--size-mib M] [--file PATH] [--no-md5]
 * </pre>
 */
public final class PutThroughputBenchmark {
  private static final long MIB = 1024 * 1024;
  private static final OperatingSystemMXBean CPU =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private PutThroughputBenchmark() {}

  /** Runs the comparison; see the class comment for the options. */
  public static void main(String[] args) throws Exception {
    int runs = 5;
    long sizeMib = 1024;
    Path file = null;
    boolean sendMd5 = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--no-md5" -> sendMd5 = false;
        case "--size-mib" -> sizeMib = Long.parseLong(args[++i]);
        case "--file" -> file = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (runs < 3) {
      throw new IllegalArgumentException("--runs must be at least 3, not " + runs);
    }
    Path dir = Files.createTempDirectory("put-throughput-");
    boolean ownFile = file == null;
    if (ownFile) {
      file = writeFile(dir.resolve("upload.bin"), sizeMib * MIB);
    }
    // The project's benchmarks send content-md5, which bench mode echoes instead of hashing.
    String md5 = sendMd5 ? md5(file) : null;
    LocalTritonOptions options =
        LocalTritonOptions.builder()
            .storage(StorageMode.DISCARD)
            .benchMode(true)
            .unauthenticatedListener(true)
            .dataDir(dir.resolve("data"))
            .build();
    try (LocalTriton triton = LocalTriton.start(options);
        DiscardSink sink = new DiscardSink()) {
      URI testkit = triton.unauthenticatedMantaUrl().resolve("/alice/stor/upload.bin");
      URI baseline = sink.url().resolve("/upload.bin");
      System.out.printf(
          Locale.ROOT,
          "curl -T of %d MiB, %s, %d runs each after a warm-up; testkit in DISCARD + bench mode%n",
          Files.size(file) / MIB,
          md5 == null ? "no content-md5" : "with content-md5",
          runs);
      upload(file, md5, baseline);
      upload(file, md5, testkit);
      List<Run> sinkRuns = new ArrayList<>();
      List<Run> testkitRuns = new ArrayList<>();
      for (int i = 1; i <= runs; i++) {
        sinkRuns.add(report("sink   ", i, upload(file, md5, baseline)));
        testkitRuns.add(report("testkit", i, upload(file, md5, testkit)));
      }
      Run sinkMedian = summary("sink   ", sinkRuns);
      Run testkitMedian = summary("testkit", testkitRuns);
      System.out.printf(
          Locale.ROOT,
          "ratio testkit/sink: throughput %.2f, server CPU per GiB %.2f%n",
          testkitMedian.mibPerSecond() / sinkMedian.mibPerSecond(),
          testkitMedian.cpuSecondsPerGib() / sinkMedian.cpuSecondsPerGib());
    } finally {
      if (ownFile) {
        Files.deleteIfExists(file);
      }
      deleteTree(dir);
    }
  }

  /** Writes {@code size} bytes: one random MiB repeated, which neither side compresses. */
  private static Path writeFile(Path path, long size) throws IOException {
    byte[] block = new byte[(int) MIB];
    new Random(1).nextBytes(block);
    try (OutputStream out = Files.newOutputStream(path)) {
      for (long left = size; left > 0; left -= block.length) {
        out.write(block, 0, (int) Math.min(block.length, left));
      }
    }
    return path;
  }

  private static String md5(Path file) throws IOException {
    MessageDigest md5 = md5Digest();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[(int) MIB];
      int n;
      while ((n = in.read(buffer)) > 0) {
        md5.update(buffer, 0, n);
      }
    }
    return Base64.getEncoder().encodeToString(md5.digest());
  }

  /**
   * One upload: MiB/s as curl measured it, and the CPU time this JVM (the server side; curl is
   * another process) spent per GiB, which shared cores disturb less than the wall time.
   */
  record Run(double mibPerSecond, double cpuSecondsPerGib) {}

  /** Uploads with curl. */
  private static Run upload(Path file, String md5, URI url)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "curl",
                "-sS",
                "-o",
                "/dev/null",
                "-w",
                "%{http_code} %{size_upload} %{time_total}"));
    if (md5 != null) {
      command.addAll(List.of("-H", "Content-MD5: " + md5));
    }
    command.addAll(List.of("-T", file.toString(), url.toString()));
    long cpuBefore = CPU.getProcessCpuTime();
    Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (curl.waitFor() != 0) {
      throw new IllegalStateException("curl failed for " + url + ": " + out);
    }
    long cpuNanos = CPU.getProcessCpuTime() - cpuBefore;
    String[] parts = out.split(" ");
    long sent = Long.parseLong(parts[1]);
    if (!parts[0].startsWith("2") || sent != Files.size(file)) {
      throw new IllegalStateException("upload to " + url + " answered " + out);
    }
    double gib = (double) sent / (1024 * MIB);
    return new Run(sent / Double.parseDouble(parts[2]) / MIB, cpuNanos / 1e9 / gib);
  }

  private static MessageDigest md5Digest() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static Run report(String name, int run, Run r) {
    System.out.printf(
        Locale.ROOT,
        "  %s run %d: %8.1f MiB/s, %.2f CPU s/GiB%n",
        name,
        run,
        r.mibPerSecond(),
        r.cpuSecondsPerGib());
    return r;
  }

  /** Prints the median and range of both measures, and returns the medians. */
  private static Run summary(String name, List<Run> runs) {
    List<Double> rates = runs.stream().map(Run::mibPerSecond).sorted().toList();
    List<Double> cpu = runs.stream().map(Run::cpuSecondsPerGib).sorted().toList();
    Run median = new Run(median(rates), median(cpu));
    System.out.printf(
        Locale.ROOT,
        "%s median %8.1f MiB/s (range %.1f-%.1f), %.2f CPU s/GiB (range %.2f-%.2f)%n",
        name,
        median.mibPerSecond(),
        rates.get(0),
        rates.get(rates.size() - 1),
        median.cpuSecondsPerGib(),
        cpu.get(0),
        cpu.get(cpu.size() - 1));
    return median;
  }

  private static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
