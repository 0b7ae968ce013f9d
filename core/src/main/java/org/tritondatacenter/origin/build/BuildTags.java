package org.tritondatacenter.origin.build;

import org.tritondatacenter.origin.images.ImageTags;

/**
 * The tags every temporary build machine carries, so that a build's machines can be found again
 * after a lost answer or a crash, and leftovers of any build can be listed by {@code gc}.
 */
public final class BuildTags {
  /** The build id, {@code triton-origin.build=<buildId>}; images carry it too. */
  public static final String BUILD = ImageTags.BUILD;

  /** The fixed marker on every temporary machine, whatever its build: {@code true}. */
  public static final String TEMPORARY = "triton-origin.temporary";

  /** The name of the image a temporary machine builds. */
  public static final String IMAGE = "triton-origin.image";

  private BuildTags() {}
}
