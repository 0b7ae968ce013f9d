package org.tritondatacenter.origin.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.imgapi.ImageManifest;
import org.tritondatacenter.origin.imgapi.ImgapiClient;

/**
 * Finds an origin image's {@code requirements.min_platform}. CloudAPI does not return it, so it is
 * read from image servers in order: the target IMGAPI (in any channel), then a public-mode one, as
 * the original read it from the public image server. Reads need no key.
 */
public final class OriginPlatforms {
  private final List<ImgapiClient> sources;
  private final Map<String, Optional<Map<String, String>>> found = new LinkedHashMap<>();

  /** Reads from {@code sources} in order; none at all means every lookup finds nothing. */
  public OriginPlatforms(List<ImgapiClient> sources) {
    this.sources = List.copyOf(Objects.requireNonNull(sources, "sources == null"));
  }

  /** Returns lookups that find nothing, for a run with no image server configured. */
  public static OriginPlatforms none() {
    return new OriginPlatforms(List.of());
  }

  /**
   * Returns the origin's {@code min_platform} from the first source that has the image with one.
   * Calls IMGAPI GetImage with {@code channel=*}. A source that fails is passed over with a
   * warning.
   */
  synchronized Optional<Map<String, String>> minPlatform(String origin, EventListener listener) {
    Optional<Map<String, String>> cached = found.get(origin);
    if (cached != null) {
      return cached;
    }
    Optional<Map<String, String>> result = Optional.empty();
    for (ImgapiClient source : sources) {
      Map<String, String> platform = read(source, origin, listener);
      if (!platform.isEmpty()) {
        result = Optional.of(platform);
        break;
      }
    }
    found.put(origin, result);
    return result;
  }

  private static Map<String, String> read(
      ImgapiClient source, String origin, EventListener listener) {
    ImageManifest manifest;
    try {
      manifest = source.getImage(origin, "*").manifest();
    } catch (OperationInterruptedException e) {
      throw e;
    } catch (TritonException e) {
      // A source without the image is passed over quietly; any other failure is worth a warning.
      if (!(e instanceof TritonApiException api && api.isNotFound())) {
        listener.on(
            new Event.Warning(
                "cannot read origin "
                    + origin
                    + " from IMGAPI "
                    + source.endpoint().baseUrl()
                    + ": "
                    + e.getMessage()));
      }
      return Map.of();
    }
    Map<String, String> platform = new LinkedHashMap<>();
    manifest.minPlatform().forEach((k, v) -> platform.put(k, String.valueOf(v)));
    return platform;
  }
}
