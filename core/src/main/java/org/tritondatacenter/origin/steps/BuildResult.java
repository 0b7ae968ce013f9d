package org.tritondatacenter.origin.steps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.tritondatacenter.origin.images.BuildIds;
import org.tritondatacenter.origin.images.BuildStamp;
import org.tritondatacenter.origin.images.ImageNaming;

/**
 * What {@code tritonOriginBuild} returns, and what {@code mantaExport} takes as {@code build}.
 *
 * @param buildId the build id that tags the machines and images
 * @param branch the sanitised branch
 * @param timestamp the build time, {@code YYYYMMDDTHHMMSSZ}
 * @param gitCommit the full commit hash
 * @param images one entry per image selected, built or skipped; a skipped one carries the
 *     already-published image's uuid and version
 */
public record BuildResult(
    String buildId, String branch, String timestamp, String gitCommit, List<Image> images) {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9._-]+");

  public BuildResult {
    Objects.requireNonNull(buildId, "buildId == null");
    Objects.requireNonNull(branch, "branch == null");
    Objects.requireNonNull(timestamp, "timestamp == null");
    Objects.requireNonNull(gitCommit, "gitCommit == null");
    images = List.copyOf(images);
  }

  /**
   * One image of the build.
   *
   * @param name the image name
   * @param version the image version; for a skipped image, the published image's
   * @param uuid the new image's UUID; for a skipped image, the already-published image with the
   *     same spec, the one preflight found in the target channel (the newest, when there are
   *     several). Always present: a skip is only decided on finding that image
   * @param origin the origin image UUID
   * @param spec the spec hash
   * @param skipped true when an identical spec was already published, so nothing was built
   * @param pkgs the installed packages as {@code pkg_info} lists them; empty when skipped
   * @param audit the {@code pkg_admin audit} report, or null when no audit ran
   */
  public record Image(
      String name,
      String version,
      String uuid,
      String origin,
      String spec,
      boolean skipped,
      List<String> pkgs,
      String audit) {
    public Image {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(version, "version == null");
      Objects.requireNonNull(origin, "origin == null");
      Objects.requireNonNull(spec, "spec == null");
      if (uuid == null) {
        throw new IllegalArgumentException(
            (skipped
                    ? "a skipped image needs the uuid of the published image it stands for: "
                    : "a built image needs its uuid: ")
                + name);
      }
      pkgs = List.copyOf(pkgs);
    }

    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", name);
      m.put("version", version);
      m.put("uuid", uuid);
      m.put("origin", origin);
      m.put("spec", spec);
      m.put("skipped", skipped);
      m.put("pkgs", new ArrayList<>(pkgs));
      if (audit != null) {
        m.put("audit", audit);
      }
      return m;
    }

    static Image read(MapReader r) {
      r.onlyKeys("name", "version", "uuid", "origin", "spec", "skipped", "pkgs", "audit");
      String name =
          r.checked(
              "name",
              true,
              n -> n.length() <= ImageNaming.MAX_NAME && !n.isEmpty(),
              "an image name");
      String version =
          r.checked(
              "version", true, v -> ImageNaming.versionProblem(v).isEmpty(), "an image version");
      boolean skipped = r.bool("skipped");
      String uuid = r.uuid("uuid", true);
      String origin = r.uuid("origin", true);
      String spec =
          r.checked("spec", true, s -> SHA256.matcher(s).matches(), "a spec hash (64 hex digits)");
      List<String> pkgs = r.strings("pkgs");
      String audit = r.optionalString("audit");
      return r.clean() ? new Image(name, version, uuid, origin, spec, skipped, pkgs, audit) : null;
    }
  }

  /** Returns the result as plain values, ready to hand to Groovy or to write as JSON. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("buildId", buildId);
    m.put("branch", branch);
    m.put("timestamp", timestamp);
    m.put("gitCommit", gitCommit);
    m.put("images", new ArrayList<>(images.stream().map(Image::toMap).toList()));
    return m;
  }

  /**
   * Reads a map that {@link #toMap()} produced, strictly.
   *
   * @throws ResultMapException naming every missing, unknown or malformed key
   */
  public static BuildResult fromMap(Map<?, ?> map) {
    return MapReader.read(
        "build",
        map,
        r -> {
          r.onlyKeys("buildId", "branch", "timestamp", "gitCommit", "images");
          String buildId =
              r.checked(
                  "buildId",
                  true,
                  BuildIds::isBuildId,
                  "a build id such as to-20250116T175211-abcdef");
          String branch =
              r.checked(
                  "branch", true, b -> BRANCH.matcher(b).matches(), "a sanitised branch name");
          String timestamp =
              r.checked("timestamp", true, BuildStamp::isTimestamp, "a timestamp YYYYMMDDTHHMMSSZ");
          String commit = r.checked("gitCommit", true, BuildStamp::isCommit, "a commit hash");
          List<Image> images = r.objects("images", Image::read);
          return r.clean() ? new BuildResult(buildId, branch, timestamp, commit, images) : null;
        });
  }
}
