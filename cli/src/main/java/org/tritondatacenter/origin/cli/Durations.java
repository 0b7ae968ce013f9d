package org.tritondatacenter.origin.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes durations the way people type them: {@code 90s}, {@code 30m}, {@code 6h}, {@code
 * 2d}.
 */
final class Durations {
  private static final Pattern DURATION = Pattern.compile("([0-9]{1,6})([smhd])");

  private Durations() {}

  /**
   * Parses a duration.
   *
   * @throws UsageException naming the flag when the text is not a duration
   */
  static Duration parse(String text, String flag) {
    Matcher m = DURATION.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new UsageException(
          flag + " expects a duration such as 90m, 6h or 2d; got '" + text + "'");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  static String format(Duration d) {
    long s = d.getSeconds();
    if (s % 86400 == 0 && s > 0) {
      return s / 86400 + "d";
    }
    if (s % 3600 == 0 && s > 0) {
      return s / 3600 + "h";
    }
    if (s % 60 == 0 && s > 0) {
      return s / 60 + "m";
    }
    return s + "s";
  }

  /** Formats a duration for people: {@code 42s}, {@code 3m05s} or {@code 1h02m}. */
  static String human(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
  }
}
