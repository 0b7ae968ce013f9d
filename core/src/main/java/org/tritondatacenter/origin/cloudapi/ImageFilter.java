package org.tritondatacenter.origin.cloudapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The query filters of ListImages. Without a state filter CloudAPI lists only {@code active}
 * images; {@link Builder#allStates()} also shows {@code creating}, {@code failed}, {@code
 * unactivated} and {@code disabled} ones. Without a type filter CloudAPI hides Docker images.
 *
 * <pre>{@code
 * ImageFilter.builder().name("triton-origin-x86_64-24.4.1").allStates().build();
 * }</pre>
 */
public final class ImageFilter {
  private static final ImageFilter NONE = new Builder().build();

  private final List<Map.Entry<String, String>> query;

  private ImageFilter(Builder b) {
    this.query = List.copyOf(b.query);
  }

  /** Returns the filter that asks for nothing: CloudAPI's default, active non-Docker images. */
  public static ImageFilter none() {
    return NONE;
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  List<Map.Entry<String, String>> query() {
    return query;
  }

  @Override
  public String toString() {
    return "ImageFilter" + query;
  }

  /** Builds an {@link ImageFilter}; each setter adds one query parameter. */
  public static final class Builder {
    private final List<Map.Entry<String, String>> query = new ArrayList<>();

    private Builder() {}

    /** Filters by exact name (IMGAPI's {@code ~substring} form may pass through). */
    public Builder name(String name) {
      return add("name", Checks.text("image name filter", name));
    }

    /** Filters by operating system, such as {@code smartos}. */
    public Builder os(String os) {
      return add("os", Checks.text("image os filter", os));
    }

    /** Filters by exact version. */
    public Builder version(String version) {
      return add("version", Checks.text("image version filter", version));
    }

    /** Filters on whether images are public. */
    public Builder isPublic(boolean isPublic) {
      return add("public", Boolean.toString(isPublic));
    }

    /** Filters by state; {@link ImageState#UNKNOWN} is refused, as it is no real state. */
    public Builder state(ImageState state) {
      if (state == null || state == ImageState.UNKNOWN) {
        throw new IllegalArgumentException(
            "image state filter " + state + " is not a state; use allStates() for every state");
      }
      return add("state", state.wireName());
    }

    /** Lists images in every state ({@code state=all}). */
    public Builder allStates() {
      return add("state", "all");
    }

    /** Filters by owner account UUID. */
    public Builder owner(String ownerUuid) {
      return add("owner", Checks.uuid("image owner filter", ownerUuid));
    }

    /** Filters by type, such as {@code zone-dataset} or {@code zvol}. */
    public Builder type(String type) {
      return add("type", Checks.text("image type filter", type));
    }

    private Builder add(String name, String value) {
      query.removeIf(e -> e.getKey().equals(name));
      query.add(Map.entry(name, value));
      return this;
    }

    /** Builds the filter. */
    public ImageFilter build() {
      return new ImageFilter(this);
    }
  }
}
