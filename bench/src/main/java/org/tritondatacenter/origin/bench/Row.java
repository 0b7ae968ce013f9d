package org.tritondatacenter.origin.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One line of the results table.
 *
 * @param id the row, such as {@code B1}
 * @param measurement what was measured, with its median and range
 * @param baseline the baselines measured in the same run, with theirs
 * @param ratio the row's ratio, or NaN when it has none (a row that could not run)
 * @param target the target, as the issue sets it
 * @param verdict whether the target was met, or by how much it was missed
 * @param load the 1-minute load average when the row started
 * @param notes anything a reader needs to weigh the row, printed under the table
 */
record Row(
    String id,
    String measurement,
    String baseline,
    double ratio,
    String target,
    String verdict,
    String load,
    List<String> notes) {

  /** The target of each row, as the performance budget sets it. */
  static final Map<String, String> TARGETS =
      Map.of(
          "B1", "≥ 0.85 × min(R, M)",
          "B2", "≥ 0.85 × min(R, S)",
          "B3", "≥ 0.6 × min(R, M, S) (CPU-bound)",
          "B4", "≥ 1.5× mput -m; peak RSS ≤ mput -m's",
          "B5", "RSS ratio ≤ 1.1×; heap in use ≤ 32 MiB",
          "B6", "≤ 40 requests, against 600",
          "B7", "≤ 1.3×",
          "B8", "≤ 0.5 s over the bare JVM");

  Row {
    notes = List.copyOf(notes);
  }

  /** Returns the target of row {@code id}. */
  static String target(String id) {
    return TARGETS.getOrDefault(id, "?");
  }

  /** A row that could not be measured in this run, and why. */
  static Row notRun(String id, String target, String why) {
    return new Row(
        id, "not measured", "–", Double.NaN, target, "not measured: " + why, "–", List.of());
  }

  /** Formats a ratio as a number followed by {@code ×}. */
  static String times(double ratio) {
    if (Double.isNaN(ratio)) {
      return "–";
    }
    return String.format(Locale.ROOT, ratio >= 10 ? "%.0f×" : "%.2f×", ratio);
  }

  /**
   * Judges a ratio that should be at least {@code target}: "met", or "missed by N %" of the target
   * (how far short of it the measurement fell).
   */
  static String atLeast(double ratio, double target) {
    if (ratio >= target) {
      return "met";
    }
    return String.format(Locale.ROOT, "missed by %.0f %%", (1 - ratio / target) * 100);
  }

  /** Judges a value that should be at most {@code target}. */
  static String atMost(double value, double target) {
    if (value <= target) {
      return "met";
    }
    return String.format(Locale.ROOT, "missed by %.0f %%", (value / target - 1) * 100);
  }
}
