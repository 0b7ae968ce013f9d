package org.tritondatacenter.origin.images;

import java.util.Optional;
import java.util.regex.Pattern;
import org.tritondatacenter.origin.TritonException;

/**
 * Origins known to produce unusable images. The reader applies this to the name and version written
 * in images.json; preflight applies it again to what CloudAPI reports for the origin UUID, so a
 * mislabelled entry cannot slip through.
 */
public final class KnownBrokenOrigins {
  /** Why the minimal/base 16.4.x family is refused. */
  public static final String DATASET_1297 =
      "DATASET-1297: base-64-lts 16.4.1 image is broken: does not work on platforms older than"
          + " 20161108T160947Z";

  private static final Pattern FAMILY = Pattern.compile("(minimal|base)(-[A-Za-z0-9_]+)*");
  private static final Pattern VERSION = Pattern.compile("16\\.4\\.[0-9]+");

  private KnownBrokenOrigins() {}

  /** Returns why the origin {@code name@version} is known to be broken, or empty when it is not. */
  public static Optional<String> reason(String name, String version) {
    if (name != null
        && version != null
        && FAMILY.matcher(name).matches()
        && VERSION.matcher(version).matches()) {
      return Optional.of(DATASET_1297);
    }
    return Optional.empty();
  }

  /**
   * Refuses a known-broken origin unless {@code override} is set.
   *
   * @throws TritonException naming the origin, the reason and how to proceed
   */
  public static void check(String name, String version, boolean override) {
    Optional<String> reason = reason(name, version);
    if (reason.isPresent() && !override) {
      throw new TritonException(message(name, version, reason.get()));
    }
  }

  static String message(String name, String version, String reason) {
    return "origin "
        + name
        + "@"
        + version
        + " is known to be broken ("
        + reason
        + "); use a newer origin, or set 'allowKnownBrokenOrigin' only if every platform the"
        + " image will run on is newer than that";
  }
}
