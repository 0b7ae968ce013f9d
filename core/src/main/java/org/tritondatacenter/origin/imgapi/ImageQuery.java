package org.tritondatacenter.origin.imgapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The filters of IMGAPI ListImages. Every filter is optional; an empty query lists the active
 * images of the channel.
 *
 * <pre>{@code
 * ImageQuery.builder().name("~triton-origin-").channel("*").anyState().build();
 * }</pre>
 */
public final class ImageQuery {
  /** The largest page IMGAPI serves. */
  public static final int MAX_PAGE_SIZE = 1000;

  private final List<Map.Entry<String, String>> filters;
  private final String channel;
  private final int pageSize;

  private ImageQuery(Builder b) {
    this.filters = List.copyOf(b.filters);
    this.channel = b.channel;
    this.pageSize = b.pageSize;
  }

  /** Returns a query without filters: active images of the client's default channel. */
  public static ImageQuery all() {
    return builder().build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the filters as query parameters, in the order they were set. */
  List<Map.Entry<String, String>> filters() {
    return filters;
  }

  /** Returns the channel, {@code *} for all, or null for the client's default. */
  public String channel() {
    return channel;
  }

  /** Returns how many images one request asks for ({@code limit}). */
  public int pageSize() {
    return pageSize;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ImageQuery[");
    for (Map.Entry<String, String> f : filters) {
      sb.append(f.getKey()).append('=').append(f.getValue()).append(' ');
    }
    return sb.append("channel=").append(channel).append(']').toString();
  }

  /** Builds an {@link ImageQuery}; every setter validates its value at once. */
  public static final class Builder {
    private final Map<String, String> single = new LinkedHashMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final List<Map.Entry<String, String>> filters = new ArrayList<>();
    private String channel;
    private int pageSize = MAX_PAGE_SIZE;

    private Builder() {}

    /**
     * Filters by name: exact, or {@code ~text} for names that contain {@code text} anywhere (a
     * case-sensitive substring match, not a prefix).
     */
    public Builder name(String name) {
      single.put("name", Checks.filterValue(name, "name"));
      return this;
    }

    /** Filters by version: exact, or {@code ~text} for a substring. */
    public Builder version(String version) {
      single.put("version", Checks.filterValue(version, "version"));
      return this;
    }

    /** Lists images in {@code state} instead of active ones only. */
    public Builder state(ImageState state) {
      Objects.requireNonNull(state, "state == null");
      if (state == ImageState.UNKNOWN) {
        throw new IllegalArgumentException(
            "ListImages filter state cannot be UNKNOWN; use anyState() for every state");
      }
      single.put("state", state.wireName());
      return this;
    }

    /**
     * Lists images in every state ({@code state=all}). Anonymous callers of a standalone server
     * still see only active images.
     */
    public Builder anyState() {
      single.put("state", "all");
      return this;
    }

    /** Filters by owner UUID. */
    public Builder owner(String owner) {
      single.put("owner", Checks.uuid(owner, "ListImages filter owner"));
      return this;
    }

    /** Filters by the {@code public} flag. */
    public Builder isPublic(boolean isPublic) {
      single.put("public", String.valueOf(isPublic));
      return this;
    }

    /** Filters by OS, such as {@code smartos}. */
    public Builder os(String os) {
      single.put("os", Checks.filterValue(os, "os"));
      return this;
    }

    /** Filters by type, such as {@code zone-dataset}; {@code !zvol} excludes a type. */
    public Builder type(String type) {
      single.put("type", Checks.filterValue(type, "type"));
      return this;
    }

    /** Keeps images whose tag {@code key} is {@code value}; several tags must all match. */
    public Builder tag(String key, String value) {
      tags.put(Checks.filterValue(key, "tag key"), Checks.filterValue(value, "tag." + key));
      return this;
    }

    /** Lists the images of {@code channel}, or of every channel with {@code *}. */
    public Builder channel(String channel) {
      this.channel = Checks.readChannel(channel, "ListImages");
      return this;
    }

    /**
     * Sets how many images one request asks for, 2 to 1000 (default 1000). The marker of the next
     * page is the last image of this one and IMGAPI returns it again, so a page of one would never
     * move on.
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 2 || pageSize > MAX_PAGE_SIZE) {
        throw new IllegalArgumentException(
            "ListImages page size " + pageSize + " is out of range; use 2 to " + MAX_PAGE_SIZE);
      }
      this.pageSize = pageSize;
      return this;
    }

    /** Builds the query. */
    public ImageQuery build() {
      filters.clear();
      single.forEach((k, v) -> filters.add(Map.entry(k, v)));
      tags.forEach((k, v) -> filters.add(Map.entry("tag." + k, v)));
      return new ImageQuery(this);
    }
  }
}
