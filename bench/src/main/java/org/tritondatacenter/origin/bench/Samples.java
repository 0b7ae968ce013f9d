package org.tritondatacenter.origin.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The repeated measurements of one quantity; the median is what a row reports, the range shows the
 * noise of a shared machine.
 */
final class Samples {
  private final String unit;
  private final List<Double> values = new ArrayList<>();

  Samples(String unit) {
    this.unit = unit;
  }

  void add(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("a sample in " + unit + " must be a number, not " + value);
    }
    values.add(value);
  }

  boolean isEmpty() {
    return values.isEmpty();
  }

  int count() {
    return values.size();
  }

  /** Returns the median; for an even count the mean of the two middle values. */
  double median() {
    List<Double> sorted = sorted();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  double min() {
    return sorted().get(0);
  }

  double max() {
    List<Double> sorted = sorted();
    return sorted.get(sorted.size() - 1);
  }

  /** Formats as {@code median (min–max) unit}, with as many decimals as the magnitude needs. */
  String describe() {
    if (values.isEmpty()) {
      return "no samples";
    }
    String text = format(median());
    if (values.size() > 1) {
      text += " (" + format(min()) + "–" + format(max()) + ")";
    }
    return unit.isEmpty() ? text : text + " " + unit;
  }

  static String format(double value) {
    double magnitude = Math.abs(value);
    String pattern = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : "%.2f";
    return String.format(Locale.ROOT, pattern, value);
  }

  private List<Double> sorted() {
    if (values.isEmpty()) {
      throw new IllegalStateException("no samples in " + unit + " yet");
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted;
  }

  @Override
  public String toString() {
    return describe();
  }
}
