package org.tritondatacenter.origin.images;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the known word a misspelt one was probably meant to be, for "did you mean" hints on
 * images.json keys, step parameters and image names.
 */
public final class Spelling {
  private Spelling() {}

  /**
   * Returns the candidate closest to {@code word}, or empty when none is close enough to be a
   * plausible typo. Case is ignored, and a candidate that is a prefix of the word (or the other way
   * round) counts as close, so {@code description} suggests {@code desc}.
   */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    String w = word.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      String c = candidate.toLowerCase(Locale.ROOT);
      int d = distance(w, c);
      if (Math.min(w.length(), c.length()) >= 3 && (w.startsWith(c) || c.startsWith(w))) {
        d = Math.min(d, 1);
      }
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    int allowed = Math.max(2, w.length() / 3);
    return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
  }

  /** Levenshtein distance; the inputs are short key names, so the quadratic cost is irrelevant. */
  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
