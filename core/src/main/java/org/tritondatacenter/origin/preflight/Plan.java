package org.tritondatacenter.origin.preflight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a build will do, as preflight found it: every selected image with its name, version, package
 * and networks, and those skipped because the same spec is already published.
 *
 * @param images the selected images, in file order
 * @param imgapi the URL of the IMGAPI the build publishes to later, or null when none was given
 * @param channel the channel on that IMGAPI, or null for the server's default
 */
public record Plan(List<PlannedImage> images, String imgapi, String channel) {

  /** Copies the list. */
  public Plan {
    images = List.copyOf(images);
  }

  /** Returns the images that will be built. */
  public List<PlannedImage> toBuild() {
    return images.stream().filter(i -> !i.skipped()).toList();
  }

  /** Returns the images skipped because the same spec is already published. */
  public List<PlannedImage> skipped() {
    return images.stream().filter(PlannedImage::skipped).toList();
  }

  /** Returns the planned image called {@code name}, if selected. */
  public Optional<PlannedImage> image(String name) {
    return images.stream().filter(i -> i.name().equals(name)).findFirst();
  }

  /** Returns the plan as plain values, for {@code plan --json}. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("images", new ArrayList<>(images.stream().map(PlannedImage::toMap).toList()));
    if (imgapi != null) {
      m.put("imgapi", imgapi);
    }
    if (channel != null) {
      m.put("channel", channel);
    }
    return m;
  }
}
