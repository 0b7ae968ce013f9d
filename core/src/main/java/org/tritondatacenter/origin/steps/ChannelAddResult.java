package org.tritondatacenter.origin.steps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
  public enum Outcome {
    ADDED("added"),
    ALREADY_PRESENT("already-present"),
    WOULD_ADD("would-add");

    private final String wireName;

    Outcome(String wireName) {
      this.wireName = wireName;
    }

    /** Returns the value used in result maps, such as {@code would-add}. */
    public String wireName() {
      return wireName;
    }

    static Optional<Outcome> fromWireName(String s) {
      return Arrays.stream(values()).filter(o -> o.wireName.equals(s)).findFirst();
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
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("uuid", uuid);
      m.put("name", name);
      m.put("version", version);
      m.put("channel", channel);
      m.put("result", result.wireName());
      return m;
    }

    static Change read(MapReader r) {
      r.onlyKeys("uuid", "name", "version", "channel", "result");
      String uuid = r.uuid("uuid", true);
      String name = r.string("name");
      String version = r.string("version");
      String channel =
          r.checked("channel", true, c -> ParamType.CHANNEL.check(c).isEmpty(), "a channel name");
      String result =
          r.checked(
              "result",
              true,
              s -> Outcome.fromWireName(s).isPresent(),
              "added, already-present or would-add");
      return r.clean()
          ? new Change(uuid, name, version, channel, Outcome.fromWireName(result).orElseThrow())
          : null;
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
