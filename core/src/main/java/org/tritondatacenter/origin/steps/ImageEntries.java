package org.tritondatacenter.origin.steps;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The map form of one image in the publish and channel-add results, written and read in one place
 * so the two results cannot drift apart: {@code uuid}, {@code name}, {@code version}, {@code
 * channel} when there is one, and {@code result}, an outcome's wire name.
 */
final class ImageEntries {
  private ImageEntries() {}

  /** An outcome with the name it has in result maps. */
  interface WireNamed {
    /** Returns the value used in result maps, such as {@code already-published}. */
    String wireName();
  }

  /** Makes the typed entry once every field has been read. */
  interface Factory<O, T> {
    T make(String uuid, String name, String version, String channel, O result);
  }

  static Map<String, Object> toMap(
      String uuid, String name, String version, String channel, WireNamed result) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("uuid", uuid);
    m.put("name", name);
    m.put("version", version);
    if (channel != null) {
      m.put("channel", channel);
    }
    m.put("result", result.wireName());
    return m;
  }

  /** Reads an entry strictly; returns null when the reader found problems. */
  static <O extends Enum<O> & WireNamed, T> T read(
      MapReader r, boolean channelRequired, Class<O> outcomes, Factory<O, T> factory) {
    r.onlyKeys("uuid", "name", "version", "channel", "result");
    String uuid = r.uuid("uuid", true);
    String name = r.string("name");
    String version = r.string("version");
    String channel =
        r.checked(
            "channel",
            channelRequired,
            c -> ParamType.CHANNEL.check(c).isEmpty(),
            "a channel name");
    String result =
        r.checked("result", true, s -> outcome(outcomes, s).isPresent(), expected(outcomes));
    return r.clean()
        ? factory.make(uuid, name, version, channel, outcome(outcomes, result).orElseThrow())
        : null;
  }

  private static <O extends Enum<O> & WireNamed> Optional<O> outcome(Class<O> outcomes, String s) {
    return Arrays.stream(outcomes.getEnumConstants())
        .filter(o -> o.wireName().equals(s))
        .findFirst();
  }

  /** Lists the wire names for a message, such as {@code added, already-present or would-add}. */
  private static String expected(Class<? extends WireNamed> outcomes) {
    String[] names =
        Arrays.stream(outcomes.getEnumConstants()).map(WireNamed::wireName).toArray(String[]::new);
    int last = names.length - 1;
    return String.join(", ", Arrays.copyOf(names, last)) + " or " + names[last];
  }
}
