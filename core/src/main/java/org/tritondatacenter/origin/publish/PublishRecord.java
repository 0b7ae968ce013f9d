package org.tritondatacenter.origin.publish;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code publish} section of the run record: how far each image got, and the step's result map
 * once every image is done.
 *
 * @param images progress by image UUID, in publishing order
 * @param result the finished step's result map, or null while running
 */
record PublishRecord(Map<String, ImageProgress> images, Map<String, Object> result) {
  PublishRecord {
    images = images == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(images));
  }

  static PublishRecord empty() {
    return new PublishRecord(Map.of(), null);
  }

  /** Returns a copy with {@code uuid}'s progress replaced, or removed when null. */
  PublishRecord with(String uuid, ImageProgress progress) {
    Map<String, ImageProgress> changed = new LinkedHashMap<>(images);
    if (progress == null) {
      changed.remove(uuid);
    } else {
      changed.put(uuid, progress);
    }
    return new PublishRecord(changed, result);
  }

  /** The last phase an image completed; each implies the ones before. */
  enum Phase {
    IMPORTED,
    FILE_ADDED,
    ACTIVATED,
    CHANNEL_ADDED;

    @JsonValue
    String wireName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    static Phase fromWireName(String value) {
      return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }

  /**
   * One image's progress.
   *
   * @param name the image name
   * @param version the image version
   * @param channel the target channel, or null on a server without channels
   * @param phase the last phase completed
   */
  record ImageProgress(String name, String version, String channel, Phase phase) {}
}
