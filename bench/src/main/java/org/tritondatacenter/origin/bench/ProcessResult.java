package org.tritondatacenter.origin.bench;

import java.util.List;
import java.util.Map;

/**
 * What one measured process left: exit code, output, the values it printed on its {@code RESULT}
 * line, and what GNU {@code time -v} saw.
 *
 * @param exitCode the process's exit code
 * @param output standard output and error, interleaved
 * @param values the {@code key=value} pairs of the last {@code RESULT} line, if any
 * @param wallSeconds elapsed wall-clock time from {@code time -v}, or from the launcher
 * @param peakRssKib the maximum resident set size, or -1 when not measured
 * @param cpuSeconds user plus system CPU time from {@code time -v}, or NaN when not measured
 */
record ProcessResult(
    int exitCode,
    List<String> output,
    Map<String, String> values,
    double wallSeconds,
    long peakRssKib,
    double cpuSeconds) {

  ProcessResult {
    output = List.copyOf(output);
    values = Map.copyOf(values);
  }

  /** Returns a value the process printed, failing with the process's output when it is absent. */
  double number(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalStateException(
          "the measured process printed no " + key + "; its output:\n" + tail());
    }
    return Double.parseDouble(value);
  }

  /** Returns a copy with one more value, such as one measured around the process. */
  ProcessResult with(String key, double value) {
    Map<String, String> more = new java.util.LinkedHashMap<>(values);
    more.put(key, Double.toString(value));
    return new ProcessResult(exitCode, output, more, wallSeconds, peakRssKib, cpuSeconds);
  }

  double peakRssMib() {
    return peakRssKib / 1024.0;
  }

  /** Returns the last lines of the output, for a failure message. */
  String tail() {
    int from = Math.max(0, output.size() - 30);
    return String.join("\n", output.subList(from, output.size()));
  }
}
