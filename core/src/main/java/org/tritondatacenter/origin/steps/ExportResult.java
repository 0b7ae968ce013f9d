package org.tritondatacenter.origin.steps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.tritondatacenter.origin.images.ImageNaming;

/**
 * What {@code mantaExport} returns, and what {@code imgadmPublish} takes as {@code export}.
 *
 * @param dir the Manta build directory, such as {@code
 *     /account/public/builds/triton-origin-image/master-20250116T175211Z}
 * @param latest the {@code <branch>-latest} object written, or null when it was left alone
 * @param images the exported images; empty when every image was skipped
 */
public record ExportResult(String dir, String latest, List<Image> images) {
  private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");

  public ExportResult {
    Objects.requireNonNull(dir, "dir == null");
    images = List.copyOf(images);
  }

  /**
   * One exported image.
   *
   * @param name the image name
   * @param version the image version
   * @param uuid the datacenter image UUID it was exported from
   * @param manifest the Manta path of the rewritten manifest
   * @param file the Manta path of the image file
   * @param md5 the file's MD5 as lower-case hex, as in {@code md5sums.txt}
   */
  public record Image(
      String name, String version, String uuid, String manifest, String file, String md5) {
    public Image {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(version, "version == null");
      Objects.requireNonNull(uuid, "uuid == null");
      Objects.requireNonNull(manifest, "manifest == null");
      Objects.requireNonNull(file, "file == null");
      Objects.requireNonNull(md5, "md5 == null");
    }

    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", name);
      m.put("version", version);
      m.put("uuid", uuid);
      m.put("manifest", manifest);
      m.put("file", file);
      m.put("md5", md5);
      return m;
    }

    static Image read(MapReader r) {
      r.onlyKeys("name", "version", "uuid", "manifest", "file", "md5");
      String name = r.string("name");
      String version =
          r.checked(
              "version", true, v -> ImageNaming.versionProblem(v).isEmpty(), "an image version");
      String uuid = r.uuid("uuid", true);
      String manifest = r.checked("manifest", true, ExportResult::isMantaPath, "a Manta path");
      String file = r.checked("file", true, ExportResult::isMantaPath, "a Manta path");
      String md5 = r.checked("md5", true, s -> MD5.matcher(s).matches(), "an MD5 as 32 hex digits");
      return r.clean() ? new Image(name, version, uuid, manifest, file, md5) : null;
    }
  }

  /** Returns the result as plain values. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dir", dir);
    if (latest != null) {
      m.put("latest", latest);
    }
    m.put("images", new ArrayList<>(images.stream().map(Image::toMap).toList()));
    return m;
  }

  /**
   * Reads a map that {@link #toMap()} produced, strictly.
   *
   * @throws ResultMapException naming every missing, unknown or malformed key
   */
  public static ExportResult fromMap(Map<?, ?> map) {
    return MapReader.read(
        "export",
        map,
        r -> {
          r.onlyKeys("dir", "latest", "images");
          String dir = r.checked("dir", true, ExportResult::isMantaPath, "a Manta path");
          String latest = r.checked("latest", false, ExportResult::isMantaPath, "a Manta path");
          List<Image> images = r.objects("images", Image::read);
          return r.clean() ? new ExportResult(dir, latest, images) : null;
        });
  }

  static boolean isMantaPath(String s) {
    return ParamType.MANTA_PATH.check(s).isEmpty();
  }
}
