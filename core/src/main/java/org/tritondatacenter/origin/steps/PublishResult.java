package org.tritondatacenter.origin.steps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code imgadmPublish} returns.
 *
 * @param images one entry per image; empty when there was nothing to publish
 */
public record PublishResult(List<Image> images) {
  public PublishResult {
    images = List.copyOf(images);
  }

  /** What happened to one image. */
  public enum Outcome {
    PUBLISHED("published"),
    ALREADY_PUBLISHED("already-published");

    private final String wireName;

    Outcome(String wireName) {
      this.wireName = wireName;
    }

    /** Returns the value used in result maps, such as {@code already-published}. */
    public String wireName() {
      return wireName;
    }

    static Optional<Outcome> fromWireName(String s) {
      return Arrays.stream(values()).filter(o -> o.wireName.equals(s)).findFirst();
    }
  }

  /**
   * One published image.
   *
   * @param uuid the image UUID
   * @param name the image name
   * @param version the image version
   * @param channel the channel it was published in, or null on a server without channels
   * @param result what happened
   */
  public record Image(String uuid, String name, String version, String channel, Outcome result) {
    public Image {
      Objects.requireNonNull(uuid, "uuid == null");
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(version, "version == null");
      Objects.requireNonNull(result, "result == null");
    }

    Map<String, Object> toMap() {
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

    static Image read(MapReader r) {
      r.onlyKeys("uuid", "name", "version", "channel", "result");
      String uuid = r.uuid("uuid", true);
      String name = r.string("name");
      String version = r.string("version");
      String channel =
          r.checked("channel", false, c -> ParamType.CHANNEL.check(c).isEmpty(), "a channel name");
      String result =
          r.checked(
              "result",
              true,
              s -> Outcome.fromWireName(s).isPresent(),
              "published or already-published");
      return r.clean()
          ? new Image(uuid, name, version, channel, Outcome.fromWireName(result).orElseThrow())
          : null;
    }
  }

  /** Returns the result as plain values. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("images", new ArrayList<>(images.stream().map(Image::toMap).toList()));
    return m;
  }

  /**
   * Reads a map that {@link #toMap()} produced, strictly.
   *
   * @throws ResultMapException naming every missing, unknown or malformed key
   */
  public static PublishResult fromMap(Map<?, ?> map) {
    return MapReader.read(
        "publish",
        map,
        r -> {
          r.onlyKeys("images");
          List<Image> images = r.objects("images", Image::read);
          return r.clean() ? new PublishResult(images) : null;
        });
  }
}
