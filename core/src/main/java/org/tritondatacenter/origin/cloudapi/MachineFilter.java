package org.tritondatacenter.origin.cloudapi;

/**
 * The query filters of ListMachines. Tag filters are ANDed; each adds {@code tag.<key>=<value>}.
 *
 * <pre>{@code
 * MachineFilter.builder().tag("triton-origin.build", buildId).state(MachineState.RUNNING).build();
 * }</pre>
 */
public final class MachineFilter extends QueryFilter {
  private static final MachineFilter NONE = new Builder().build();

  private MachineFilter(Builder b) {
    super(b);
  }

  /** Returns the filter that asks for nothing: every machine of the account. */
  public static MachineFilter none() {
    return NONE;
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link MachineFilter}. */
  public static final class Builder extends QueryFilter.Builder<Builder> {
    private Builder() {}

    /** Filters by exact machine name. */
    public Builder name(String name) {
      return set("name", Checks.text("machine name filter", name));
    }

    /** Filters by state; {@link MachineState#UNKNOWN} is refused, as it matches nothing useful. */
    public Builder state(MachineState state) {
      if (state == null || state == MachineState.UNKNOWN) {
        throw new IllegalArgumentException(
            "machine state filter " + state + " is not a state; leave the filter out instead");
      }
      return set("state", state.wireName());
    }

    /** Filters by the UUID of the image machines were provisioned from. */
    public Builder image(String imageUuid) {
      return set("image", Checks.uuid("machine image filter", imageUuid));
    }

    /** Filters by brand, such as {@code joyent} or {@code bhyve}. */
    public Builder brand(String brand) {
      return set("brand", Checks.text("machine brand filter", brand));
    }

    /** Adds a tag filter, {@code tag.<key>=<value>}; several are ANDed. */
    public Builder tag(String key, Object value) {
      String name = "tag." + Checks.text("tag filter key", key);
      return set(name, String.valueOf(Checks.tagValue(key, value)));
    }

    /** Builds the filter. */
    public MachineFilter build() {
      return new MachineFilter(this);
    }
  }
}
