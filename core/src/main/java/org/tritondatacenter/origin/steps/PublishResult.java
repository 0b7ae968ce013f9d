package org.tritondatacenter.origin.steps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
  public enum Outcome implements ImageEntries.WireNamed {
    PUBLISHED("published"),
    ALREADY_PUBLISHED("already-published");

    private final String wireName;

    Outcome(String wireName) {
      this.wireName = wireName;
    }

    /** Returns the value used in result maps, such as {@code already-published}. */
    @Override
    public String wireName() {
      return wireName;
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
      return ImageEntries.toMap(uuid, name, version, channel, result);
    }

    static Image read(MapReader r) {
      return ImageEntries.read(r, false, Outcome.class, Image::new);
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
