package org.tritondatacenter.origin.prune;

import java.util.Objects;

/**
 * What to prune.
 *
 * @param buildsDir the Manta project directory holding {@code <branch>-<timestamp>} build
 *     directories, such as {@code /alice/public/builds/triton-origin-image}; null to leave Manta
 *     alone
 * @param keepBuilds how many build directories to keep per branch, at least 1
 * @param channel the IMGAPI channel to prune, such as {@code experimental}; null to leave IMGAPI
 *     alone
 * @param nameFilter only images whose name contains this are considered, so a shared server's other
 *     images are never touched
 * @param keepImages how many images to keep per name, at least 1
 * @param delete remove what is not kept; false only lists
 */
public record PruneRequest(
    String buildsDir,
    int keepBuilds,
    String channel,
    String nameFilter,
    int keepImages,
    boolean delete) {

  /** The channel pruned when none is named: branch builds land there. */
  public static final String DEFAULT_CHANNEL = "experimental";

  /** The images considered when no filter is given. */
  public static final String DEFAULT_NAME_FILTER = "triton-origin-";

  /**
   * Checks the counts and that there is something to prune.
   *
   * @throws IllegalArgumentException naming the bad value
   */
  public PruneRequest {
    if (buildsDir == null && channel == null) {
      throw new IllegalArgumentException(
          "prune needs a Manta project directory, a channel, or both");
    }
    if (keepBuilds < 1) {
      throw new IllegalArgumentException(
          "keep " + keepBuilds + " builds per branch: keep at least 1");
    }
    if (keepImages < 1) {
      throw new IllegalArgumentException(
          "keep " + keepImages + " images per name: keep at least 1");
    }
    if (channel != null) {
      Objects.requireNonNull(nameFilter, "nameFilter == null");
      if (nameFilter.isBlank()) {
        throw new IllegalArgumentException(
            "the image name filter is empty; give part of the names to prune, such as "
                + DEFAULT_NAME_FILTER);
      }
    }
  }
}
