package org.tritondatacenter.origin.build;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.tritondatacenter.origin.images.BuildStamp;
import org.tritondatacenter.origin.images.ImageNaming;
import org.tritondatacenter.origin.images.ImagesFile;

/**
 * What to build: the images file, which of its images, and how. Build it with {@link
 * #builder(ImagesFile, BuildStamp)}.
 *
 * @param images the checked images file
 * @param only the image names to build; empty for all
 * @param force build an image even when the same spec is already published in the target channel
 * @param version the version of every image, or null for the stamp's {@code
 *     <branch>-<timestamp>-g<sha>}
 * @param stamp the branch, time and commit of the build
 * @param concurrency how many images build at once, or null for the number of images, at most 4
 * @param keepOnFailure keep a failed image's machine for debugging instead of deleting it
 * @param timeout the deadline of each image's build, shared by all of its waits
 * @param allowKnownBrokenOrigins accept an origin known to be broken, by what the datacenter says
 *     it is; the images file must then have been read with {@code
 *     ImagesJsonReader.strict().allowingKnownBrokenOrigins()} too
 */
public record BuildRequest(
    ImagesFile images,
    List<String> only,
    boolean force,
    String version,
    BuildStamp stamp,
    Integer concurrency,
    boolean keepOnFailure,
    Duration timeout,
    boolean allowKnownBrokenOrigins) {

  /** The deadline of each image's build when none is given. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(60);

  /** The most images built at once by default. */
  public static final int DEFAULT_MAX_CONCURRENCY = 4;

  /** Checks the values; messages name the field. */
  public BuildRequest {
    Objects.requireNonNull(images, "images == null");
    Objects.requireNonNull(stamp, "stamp == null");
    only = only == null ? List.of() : List.copyOf(only);
    if (version != null) {
      ImageNaming.requireVersion(version);
    }
    if (concurrency != null && concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
    }
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
  }

  /** Starts a request to build every image of {@code images}, stamped {@code stamp}. */
  public static Builder builder(ImagesFile images, BuildStamp stamp) {
    return new Builder(images, stamp);
  }

  /** Returns the version every image gets: the explicit one, or the stamp's. */
  public String effectiveVersion() {
    return version != null ? version : stamp.version();
  }

  /** Configures a {@link BuildRequest}. */
  public static final class Builder {
    private final ImagesFile images;
    private final BuildStamp stamp;
    private List<String> only = List.of();
    private boolean force;
    private String version;
    private Integer concurrency;
    private boolean keepOnFailure;
    private Duration timeout = DEFAULT_TIMEOUT;
    private boolean allowKnownBrokenOrigins;

    private Builder(ImagesFile images, BuildStamp stamp) {
      this.images = images;
      this.stamp = stamp;
    }

    /** Builds only the images named; empty for all. */
    public Builder only(List<String> names) {
      this.only = names;
      return this;
    }

    public Builder force(boolean force) {
      this.force = force;
      return this;
    }

    /** Sets the version of every image; null for the stamp's. */
    public Builder version(String version) {
      this.version = version;
      return this;
    }

    /** Sets how many images build at once; null for the number of images, at most 4. */
    public Builder concurrency(Integer concurrency) {
      this.concurrency = concurrency;
      return this;
    }

    public Builder keepOnFailure(boolean keepOnFailure) {
      this.keepOnFailure = keepOnFailure;
      return this;
    }

    /** Sets each image's deadline. */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** Accepts origins known to be broken; for an operator who knows the platforms involved. */
    public Builder allowKnownBrokenOrigins(boolean allow) {
      this.allowKnownBrokenOrigins = allow;
      return this;
    }

    public BuildRequest build() {
      return new BuildRequest(
          images,
          only,
          force,
          version,
          stamp,
          concurrency,
          keepOnFailure,
          timeout,
          allowKnownBrokenOrigins);
    }
  }
}
