package org.tritondatacenter.origin.images;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Creates build ids such as {@code to-20250116T175211-k3x7qa}: short, recognisable as ours, sorted
 * by time, and safe in machine names, tags and file names. The id tags every machine a build
 * creates, so leftovers can be found and removed.
 */
public final class BuildIds {
  private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
  private static final int RANDOM_CHARS = 6;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final Pattern SHAPE = Pattern.compile("to-[0-9]{8}T[0-9]{6}-[a-z2-7]{6}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private BuildIds() {}

  /** Creates a build id for a build started at {@code now}. */
  public static String next(Instant now) {
    return next(now, RANDOM);
  }

  /** Creates a build id from {@code now} and six characters drawn from {@code random}. */
  public static String next(Instant now, RandomGenerator random) {
    StringBuilder sb = new StringBuilder("to-").append(TIME.format(now)).append('-');
    for (int i = 0; i < RANDOM_CHARS; i++) {
      sb.append(BASE32.charAt(random.nextInt(BASE32.length())));
    }
    return sb.toString();
  }

  /** Returns true when {@code id} has the shape of a build id. */
  public static boolean isBuildId(String id) {
    return id != null && SHAPE.matcher(id).matches();
  }
}
