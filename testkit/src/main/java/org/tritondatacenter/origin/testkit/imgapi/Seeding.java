package org.tritondatacenter.origin.testkit.imgapi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tritondatacenter.origin.testkit.ImgapiMode;
import org.tritondatacenter.origin.testkit.http.ApiError;

/**
 * Operator seeding: puts an active image straight into the catalogue, as if it had been imported,
 * given a file and activated long ago. The Seeder uses it for origin images, which must exist in
 * every channel a build publishes to.
 */
final class Seeding {
  private final ImgapiService service;

  Seeding(ImgapiService service) {
    this.service = service;
  }

  void seed(Map<String, Object> manifest, Collection<String> channels) {
    Objects.requireNonNull(manifest, "manifest == null");
    Object uuid = manifest.get("uuid");
    if (!(uuid instanceof String id) || !ManifestRules.UUID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "cannot seed an image on IMGAPI "
              + service.instance().name()
              + ": the manifest's \"uuid\" is missing or not a lowercase UUID: "
              + uuid);
    }
    List<String> targets = targets(channels);
    Image existing = service.catalog().get(id);
    if (existing != null) {
      Image joined = existing;
      for (String channel : targets) {
        joined = joined.withChannelAdded(channel);
      }
      service.catalog().put(joined);
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>(manifest);
    body.putIfAbsent("v", 2);
    body.putIfAbsent("version", "1.0.0");
    body.putIfAbsent("type", "zone-dataset");
    body.putIfAbsent("os", "smartos");
    body.put("owner", ManifestValidator.ZERO_OWNER);
    body.put("public", service.mode() == ImgapiMode.PUBLIC);
    ManifestValidator.Accepted accepted;
    try {
      accepted = service.validator().accept(body, ManifestValidator.Purpose.SEED);
    } catch (ApiError e) {
      throw new IllegalArgumentException(
          "cannot seed image "
              + id
              + " on IMGAPI "
              + service.instance().name()
              + ": "
              + e.getMessage()
              + " "
              + e.body().getOrDefault("errors", ""),
          e);
    }
    service
        .catalog()
        .put(
            new Image(
                id,
                accepted.fields(),
                targets,
                true,
                accepted.disabled(),
                accepted.publishedAt() != null ? accepted.publishedAt() : service.now(),
                file(manifest.get("files")),
                service.catalog().nextSequence()));
  }

  private List<String> targets(Collection<String> channels) {
    if (!service.channels().enabled()) {
      return List.of();
    }
    if (channels == null || channels.isEmpty()) {
      return List.of(service.channels().defaultChannel());
    }
    List<String> targets = new ArrayList<>();
    for (String channel : channels) {
      if (!service.channels().exists(channel)) {
        throw new IllegalArgumentException(
            "cannot seed into unknown channel \""
                + channel
                + "\" of IMGAPI "
                + service.instance().name()
                + "; its channels are "
                + service.channels().names());
      }
      if (!targets.contains(channel)) {
        targets.add(channel);
      }
    }
    return targets;
  }

  /** Keeps the manifest's file description; a seeded image has no bytes behind it. */
  private ImageFile file(Object files) {
    if (files instanceof List<?> list
        && !list.isEmpty()
        && list.get(0) instanceof Map<?, ?> f
        && f.get("sha1") instanceof String sha1) {
      long size = f.get("size") instanceof Number n ? n.longValue() : 0;
      Object compression = f.get("compression");
      return new ImageFile(
          sha1,
          null,
          size,
          compression instanceof String c ? c : "none",
          f.get("dataset_guid") instanceof String g ? g : null,
          null,
          service.context().simNow());
    }
    return null;
  }
}
