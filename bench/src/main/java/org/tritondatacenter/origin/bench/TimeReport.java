package org.tritondatacenter.origin.bench;

import java.util.List;

/**
 * Reads the report GNU {@code time -v} writes after a process: peak RSS and elapsed wall time. Its
 * lines are recognised by their labels, which GNU time has kept stable for decades.
 */
final class TimeReport {
  private static final String RSS = "Maximum resident set size (kbytes):";
  private static final String ELAPSED = "Elapsed (wall clock) time (h:mm:ss or m:ss):";
  private static final String USER = "User time (seconds):";
  private static final String SYSTEM = "System time (seconds):";

  private TimeReport() {}

  /** Returns the peak RSS in KiB, or -1 when the report has no such line. */
  static long peakRssKib(List<String> lines) {
    for (String line : lines) {
      String trimmed = line.trim();
      if (trimmed.startsWith(RSS)) {
        return Long.parseLong(trimmed.substring(RSS.length()).trim());
      }
    }
    return -1;
  }

  /** Returns the elapsed wall time in seconds, or NaN when the report has no such line. */
  static double elapsedSeconds(List<String> lines) {
    for (String line : lines) {
      String trimmed = line.trim();
      if (trimmed.startsWith(ELAPSED)) {
        return parseClock(trimmed.substring(ELAPSED.length()).trim());
      }
    }
    return Double.NaN;
  }

  /** Returns user plus system CPU time in seconds, or NaN when the report has no such lines. */
  static double cpuSeconds(List<String> lines) {
    double user = Double.NaN;
    double system = Double.NaN;
    for (String line : lines) {
      String trimmed = line.trim();
      if (trimmed.startsWith(USER)) {
        user = Double.parseDouble(trimmed.substring(USER.length()).trim());
      } else if (trimmed.startsWith(SYSTEM)) {
        system = Double.parseDouble(trimmed.substring(SYSTEM.length()).trim());
      }
    }
    return user + system;
  }

  /** Parses {@code h:mm:ss}, {@code m:ss} or {@code m:ss.ss} into seconds. */
  static double parseClock(String text) {
    String[] parts = text.split(":");
    double seconds = 0;
    for (String part : parts) {
      seconds = seconds * 60 + Double.parseDouble(part);
    }
    return seconds;
  }
}
