package org.tritondatacenter.origin.steps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code imgadmChannelAdd} returns: one change per image and target channel.
 *
 * @param changes the changes made, found already made, or (in a dry run) that would be made
 */
public record ChannelAddResult(List<Change> changes) {
  public ChannelAddResult {
    changes = List.copyOf(changes);
  }

  /** What happened for one image and channel. */
  public enum Outcome implements ImageEntries.WireNamed {
    ADDED("added"),
    ALREADY_PRESENT("already-present"),
    WOULD_ADD("would-add");

    private final String wireName;

    Outcome(String wireName) {
      this.wireName = wireName;
    }

    /** Returns the value used in result maps, such as {@code would-add}. */
    @Override
    public String wireName() {
      return wireName;
    }
  }

  /**
   * One image in one target channel.
   *
   * @param uuid the image UUID
   * @param name the image name
   * @param version the image version
   * @param channel the target channel
   * @param result what happened
   */
  public record Change(String uuid, String name, String version, String channel, Outcome result) {
    public Change {
      Objects.requireNonNull(uuid, "uuid == null");
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(version, "version == null");
      Objects.requireNonNull(channel, "channel == null");
      Objects.requireNonNull(result, "result == null");
    }

    Map<String, Object> toMap() {
      return ImageEntries.toMap(uuid, name, version, channel, result);
    }

    static Change read(MapReader r) {
      return ImageEntries.read(r, true, Outcome.class, Change::new);
    }
  }

  /** Returns the result as plain values. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("changes", new ArrayList<>(changes.stream().map(Change::toMap).toList()));
    return m;
  }

  /**
   * Reads a map that {@link #toMap()} produced, strictly.
   *
   * @throws ResultMapException naming every missing, unknown or malformed key
   */
  public static ChannelAddResult fromMap(Map<?, ?> map) {
    return MapReader.read(
        "channel-add",
        map,
        r -> {
          r.onlyKeys("changes");
          List<Change> changes = r.objects("changes", Change::read);
          return r.clean() ? new ChannelAddResult(changes) : null;
        });
  }
}
