package org.tritondatacenter.origin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The machine a run measured: date, cores, CPU, memory, Java and the load from other work, which
 * the table records because ratios on a shared machine only mean something next to it.
 */
final class Facts {
  private Facts() {}

  static String now() {
    return ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"));
  }

  static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  static String java() {
    return System.getProperty("java.vm.name")
        + " "
        + System.getProperty("java.runtime.version")
        + " ("
        + System.getProperty("java.vendor")
        + ")";
  }

  /** Returns the CPU model from {@code /proc/cpuinfo}, or the architecture when unreadable. */
  static String cpu() {
    for (String line : lines(Path.of("/proc/cpuinfo"))) {
      if (line.startsWith("model name")) {
        return line.substring(line.indexOf(':') + 1).trim();
      }
    }
    return System.getProperty("os.arch");
  }

  /** Returns the total memory from {@code /proc/meminfo} in GiB, or "?" when unreadable. */
  static String memory() {
    for (String line : lines(Path.of("/proc/meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
        return String.format(java.util.Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
      }
    }
    return "?";
  }

  static String os() {
    for (String line : lines(Path.of("/etc/os-release"))) {
      if (line.startsWith("PRETTY_NAME=")) {
        return line.substring("PRETTY_NAME=".length()).replace("\"", "");
      }
    }
    return System.getProperty("os.name") + " " + System.getProperty("os.version");
  }

  /** Returns the 1-, 5- and 15-minute load averages, such as {@code 1.20 0.85 0.60}. */
  static String load() {
    List<String> lines = lines(Path.of("/proc/loadavg"));
    if (lines.isEmpty()) {
      return "?";
    }
    String[] fields = lines.get(0).split("\\s+");
    return fields[0] + " " + fields[1] + " " + fields[2];
  }

  /** Returns the 1-minute load average alone. */
  static String load1() {
    return load().split(" ")[0];
  }

  /** Returns the 1-minute load average as a number, 0 when unreadable. */
  static double load1Value() {
    try {
      return Double.parseDouble(load1());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      return List.of();
    }
  }
}
