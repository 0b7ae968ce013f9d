package org.tritondatacenter.origin.images;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The tags every built image carries: the entry's own {@code tags}, then {@code branch}, {@code
 * timestamp} and {@code git} as the original buildinfo had them, the spec hash and the build id.
 */
public final class ImageTags {
  /** The sanitised branch name. */
  public static final String BRANCH = "branch";

  /** The build time, {@code YYYYMMDDTHHMMSSZ}. */
  public static final String TIMESTAMP = "timestamp";

  /** The full commit hash. */
  public static final String GIT = "git";

  /** The spec hash (see {@link SpecHash}). */
  public static final String SPEC = "triton-origin.spec";

  /** The build id (see {@link BuildIds}); also on the temporary machine. */
  public static final String BUILD = "triton-origin.build";

  /** Tags under this prefix belong to triton-origin; images.json may not set them. */
  public static final String RESERVED_PREFIX = "triton-origin.";

  private ImageTags() {}

  /**
   * Returns the tags for the image built from {@code spec}: its own tags first, then the five
   * triton-origin tags. Values are strings, numbers or booleans, as IMGAPI accepts.
   */
  public static Map<String, Object> forImage(ImageSpec spec, BuildStamp stamp, String buildId) {
    Objects.requireNonNull(stamp, "stamp == null");
    if (!BuildIds.isBuildId(buildId)) {
      throw new IllegalArgumentException("not a build id: " + buildId);
    }
    Map<String, Object> tags = new LinkedHashMap<>(spec.tags());
    tags.put(BRANCH, stamp.branch());
    tags.put(TIMESTAMP, stamp.timestamp());
    tags.put(GIT, stamp.commit());
    tags.put(SPEC, SpecHash.of(spec));
    tags.put(BUILD, buildId);
    return tags;
  }
}
