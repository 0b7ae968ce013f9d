package org.tritondatacenter.origin.testkit.cloudapi.guest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pkgsrc packages the simulated guest can install, as {@code name-version} entries. Not
 * thread-safe; {@link GuestControl} guards it.
 */
final class Catalogue {
  private static final Pattern CHUNK = Pattern.compile("\\d+|\\D+");

  private final Set<String> entries = new LinkedHashSet<>();

  Catalogue(List<String> initial) {
    initial.forEach(this::add);
  }

  void add(String entry) {
    if (entry == null || name(entry).isEmpty() || entry.indexOf('-') < 1) {
      throw new IllegalArgumentException(
          "catalogue entry '" + entry + "' is not of the form name-version, such as curl-8.6.0");
    }
    entries.add(entry);
  }

  List<String> entries() {
    return List.copyOf(entries);
  }

  /** Returns true when some entry has this package name, whatever its version. */
  boolean hasName(String name) {
    return entries.stream().anyMatch(e -> name(e).equals(name));
  }

  /**
   * Resolves a pkgin argument to an entry, as pkgin does: an exact {@code name-version} first, else
   * the newest version of a bare name; a version pattern ({@code curl>=8}, {@code curl-[0-9]*})
   * matches any version of its name.
   */
  Optional<String> resolve(String argument) {
    if (entries.contains(argument)) {
      return Optional.of(argument);
    }
    String name = argument;
    int cut = indexOfAny(argument, "<>=*[{");
    if (cut >= 0) {
      name = argument.substring(0, cut).replaceAll("-$", "");
    }
    String wanted = name;
    List<String> candidates = new ArrayList<>();
    for (String e : entries) {
      if (name(e).equals(wanted)) {
        candidates.add(e);
      }
    }
    return candidates.stream().max(Comparator.comparing(Catalogue::version, Catalogue::compare));
  }

  static String name(String entry) {
    int dash = entry.lastIndexOf('-');
    return dash < 0 ? entry : entry.substring(0, dash);
  }

  private static String version(String entry) {
    return entry.substring(entry.lastIndexOf('-') + 1);
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  /** Compares versions chunk by chunk, numbers numerically: {@code 4.10 > 4.9}. */
  private static int compare(String a, String b) {
    Matcher ma = CHUNK.matcher(a);
    Matcher mb = CHUNK.matcher(b);
    while (ma.find()) {
      if (!mb.find()) {
        return 1;
      }
      String ca = ma.group();
      String cb = mb.group();
      int c =
          Character.isDigit(ca.charAt(0)) && Character.isDigit(cb.charAt(0))
              ? new java.math.BigInteger(ca).compareTo(new java.math.BigInteger(cb))
              : ca.compareTo(cb);
      if (c != 0) {
        return c;
      }
    }
    return mb.find() ? -1 : 0;
  }
}
