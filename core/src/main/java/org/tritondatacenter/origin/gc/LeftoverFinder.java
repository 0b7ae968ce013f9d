package org.tritondatacenter.origin.gc;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tritondatacenter.origin.build.BuildTags;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.cloudapi.Image;
import org.tritondatacenter.origin.cloudapi.ImageFilter;
import org.tritondatacenter.origin.cloudapi.ImageState;
import org.tritondatacenter.origin.cloudapi.Machine;
import org.tritondatacenter.origin.cloudapi.MachineFilter;
import org.tritondatacenter.origin.cloudapi.MachineState;
import org.tritondatacenter.origin.images.BuildIds;
import org.tritondatacenter.origin.imgapi.ImageQuery;
import org.tritondatacenter.origin.imgapi.ImgapiClient;

/** Lists leftovers by the tags builds put on what they make. */
final class LeftoverFinder {
  private static final DateTimeFormatter BUILD_TIME =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT);
  private static final Set<ImageState> HALF_MADE = Set.of(ImageState.CREATING, ImageState.FAILED);

  private LeftoverFinder() {}

  /** Lists every machine with the temporary-machine marker, of any build. */
  static List<Leftover> machines(CloudApiClient cloudApi) {
    MachineFilter filter = MachineFilter.builder().tag(BuildTags.TEMPORARY, true).build();
    String location = cloudApi.endpoint().baseUrl().toString();
    List<Leftover> out = new ArrayList<>();
    for (Machine m : cloudApi.listMachines(filter)) {
      if (m.state() == MachineState.DELETED) {
        continue;
      }
      String buildId = tag(m.tags(), BuildTags.BUILD);
      Instant created = m.created() != null ? m.created() : buildTime(buildId);
      out.add(
          new Leftover(
              Leftover.Kind.MACHINE,
              m.id(),
              m.name(),
              buildId,
              created,
              m.state().wireName(),
              location));
    }
    return out;
  }

  /** Lists the account's images left {@code creating} or {@code failed} by a build. */
  static List<Leftover> datacenterImages(CloudApiClient cloudApi) {
    String location = cloudApi.endpoint().baseUrl().toString();
    List<Leftover> out = new ArrayList<>();
    for (Image i : cloudApi.listImages(ImageFilter.builder().allStates().build())) {
      String buildId = tag(i.tags(), BuildTags.BUILD);
      if (buildId == null || !HALF_MADE.contains(i.state())) {
        continue;
      }
      out.add(
          new Leftover(
              Leftover.Kind.DATACENTER_IMAGE,
              i.id(),
              i.name() + "@" + i.version(),
              buildId,
              buildTime(buildId),
              i.state().wireName(),
              location));
    }
    return out;
  }

  /** Lists the images of any channel that carry a build tag and were never activated. */
  static List<Leftover> imgapiImages(ImgapiClient imgapi) {
    String location = imgapi.endpoint().baseUrl().toString();
    ImageQuery query =
        ImageQuery.builder()
            .state(org.tritondatacenter.origin.imgapi.ImageState.UNACTIVATED)
            .channel("*")
            .build();
    List<Leftover> out = new ArrayList<>();
    for (org.tritondatacenter.origin.imgapi.Image i : imgapi.listImages(query)) {
      Map<String, Object> tags = i.manifest().tags();
      String buildId = tags == null ? null : tag(tags, BuildTags.BUILD);
      if (buildId == null
          || i.state() != org.tritondatacenter.origin.imgapi.ImageState.UNACTIVATED) {
        continue;
      }
      out.add(
          new Leftover(
              Leftover.Kind.IMGAPI_IMAGE,
              i.uuid(),
              i.name() + "@" + i.version(),
              buildId,
              buildTime(buildId),
              i.state().wireName(),
              location + (i.channels().isEmpty() ? "" : " channel " + i.channels().get(0))));
    }
    return out;
  }

  /** Returns the start time a build id carries, or null when it is not one. */
  static Instant buildTime(String buildId) {
    if (!BuildIds.isBuildId(buildId)) {
      return null;
    }
    try {
      return LocalDateTime.parse(buildId.substring(3, 18), BUILD_TIME).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String tag(Map<String, Object> tags, String key) {
    Object value = tags.get(key);
    return value == null ? null : value.toString();
  }
}
