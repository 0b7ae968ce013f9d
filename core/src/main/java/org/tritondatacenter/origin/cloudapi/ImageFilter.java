package org.tritondatacenter.origin.cloudapi;

/**
 * The query filters of ListImages. Without a state filter CloudAPI lists only {@code active}
 * images; {@link Builder#allStates()} also shows {@code creating}, {@code failed}, {@code
 * unactivated} and {@code disabled} ones. Without a type filter CloudAPI hides Docker images.
 *
 * <pre>{@code
 * ImageFilter.builder().name("triton-origin-x86_64-24.4.1").allStates().build();
 * }</pre>
 */
public final class ImageFilter extends QueryFilter {
  private static final ImageFilter NONE = new Builder().build();

  private ImageFilter(Builder b) {
    super(b);
  }

  /** Returns the filter that asks for nothing: CloudAPI's default, active non-Docker images. */
  public static ImageFilter none() {
    return NONE;
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link ImageFilter}; each setter adds one query parameter. */
  public static final class Builder extends QueryFilter.Builder<Builder> {
    private Builder() {}

    /** Filters by exact name (IMGAPI's {@code ~substring} form may pass through). */
    public Builder name(String name) {
      return set("name", Checks.text("image name filter", name));
    }

    /** Filters by operating system, such as {@code smartos}. */
    public Builder os(String os) {
      return set("os", Checks.text("image os filter", os));
    }

    /** Filters by exact version. */
    public Builder version(String version) {
      return set("version", Checks.text("image version filter", version));
    }

    /** Filters on whether images are public. */
    public Builder isPublic(boolean isPublic) {
      return set("public", Boolean.toString(isPublic));
    }

    /** Filters by state; {@link ImageState#UNKNOWN} is refused, as it is no real state. */
    public Builder state(ImageState state) {
      if (state == null || state == ImageState.UNKNOWN) {
        throw new IllegalArgumentException(
            "image state filter " + state + " is not a state; use allStates() for every state");
      }
      return set("state", state.wireName());
    }

    /** Lists images in every state ({@code state=all}). */
    public Builder allStates() {
      return set("state", "all");
    }

    /** Filters by owner account UUID. */
    public Builder owner(String ownerUuid) {
      return set("owner", Checks.uuid("image owner filter", ownerUuid));
    }

    /** Filters by type, such as {@code zone-dataset} or {@code zvol}. */
    public Builder type(String type) {
      return set("type", Checks.text("image type filter", type));
    }

    /** Builds the filter. */
    public ImageFilter build() {
      return new ImageFilter(this);
    }
  }
}
