package org.tritondatacenter.origin.cloudapi;

/**
 * The query filters of ListPackages. String filters may use {@code *} wildcards, such as {@code
 * g4-*}; number filters match exactly.
 */
public final class PackageFilter extends QueryFilter {
  private static final PackageFilter NONE = new Builder().build();

  private PackageFilter(Builder b) {
    super(b);
  }

  /** Returns the filter that asks for nothing: every package the account may use. */
  public static PackageFilter none() {
    return NONE;
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PackageFilter}. */
  public static final class Builder extends QueryFilter.Builder<Builder> {
    private Builder() {}

    /** Filters by name; {@code *} is a wildcard. */
    public Builder name(String name) {
      return set("name", Checks.text("package name filter", name));
    }

    /** Filters by memory in MiB. */
    public Builder memory(long mebibytes) {
      return set("memory", notNegative("package memory filter", mebibytes));
    }

    /** Filters by disk in MiB. */
    public Builder disk(long mebibytes) {
      return set("disk", notNegative("package disk filter", mebibytes));
    }

    /** Filters by swap in MiB. */
    public Builder swap(long mebibytes) {
      return set("swap", notNegative("package swap filter", mebibytes));
    }

    /** Filters by lightweight-process limit. */
    public Builder lwps(long lwps) {
      return set("lwps", notNegative("package lwps filter", lwps));
    }

    /** Filters by virtual CPU count. */
    public Builder vcpus(int vcpus) {
      return set("vcpus", notNegative("package vcpus filter", vcpus));
    }

    /** Filters by version; {@code *} is a wildcard. */
    public Builder version(String version) {
      return set("version", Checks.text("package version filter", version));
    }

    /** Filters by group; {@code *} is a wildcard. */
    public Builder group(String group) {
      return set("group", Checks.text("package group filter", group));
    }

    /** Filters on whether the package has a flexible disk. */
    public Builder flexibleDisk(boolean flexibleDisk) {
      return set("flexible_disk", Boolean.toString(flexibleDisk));
    }

    private static String notNegative(String field, long value) {
      if (value < 0) {
        throw new IllegalArgumentException(field + " " + value + " is negative");
      }
      return Long.toString(value);
    }

    /** Builds the filter. */
    public PackageFilter build() {
      return new PackageFilter(this);
    }
  }
}
