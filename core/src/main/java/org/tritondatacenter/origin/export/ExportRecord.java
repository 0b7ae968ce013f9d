package org.tritondatacenter.origin.export;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code export} section of the run record.
 *
 * @param dir the build directory
 * @param dirCreated true when this export created the directory (so cleanup may remove it); null
 *     before it was looked for
 * @param images progress by datacenter image UUID
 * @param buildinfo true once {@code buildinfo.json} is written
 * @param md5sums true once {@code md5sums.txt} is written
 * @param latest {@code written} or {@code left} once the pointer was dealt with, else null
 * @param deleted the datacenter images deleted after the export
 * @param result the finished step's result map, or null while running
 */
record ExportRecord(
    String dir,
    Boolean dirCreated,
    Map<String, ImageProgress> images,
    boolean buildinfo,
    boolean md5sums,
    String latest,
    List<String> deleted,
    Map<String, Object> result) {

  ExportRecord {
    images = images == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(images));
    deleted = deleted == null ? List.of() : List.copyOf(deleted);
  }

  static ExportRecord start(String dir) {
    return new ExportRecord(dir, null, Map.of(), false, false, null, List.of(), null);
  }

  ExportRecord withDirCreated(boolean created) {
    return new ExportRecord(dir, created, images, buildinfo, md5sums, latest, deleted, result);
  }

  ExportRecord withImage(String uuid, ImageProgress progress) {
    Map<String, ImageProgress> changed = new LinkedHashMap<>(images);
    changed.put(uuid, progress);
    return new ExportRecord(dir, dirCreated, changed, buildinfo, md5sums, latest, deleted, result);
  }

  ExportRecord withBuildinfo() {
    return new ExportRecord(dir, dirCreated, images, true, md5sums, latest, deleted, result);
  }

  ExportRecord withMd5sums() {
    return new ExportRecord(dir, dirCreated, images, buildinfo, true, latest, deleted, result);
  }

  ExportRecord withLatest(String latest) {
    return new ExportRecord(dir, dirCreated, images, buildinfo, md5sums, latest, deleted, result);
  }

  ExportRecord withDeleted(String uuid) {
    List<String> changed = new ArrayList<>(deleted);
    changed.add(uuid);
    return new ExportRecord(dir, dirCreated, images, buildinfo, md5sums, latest, changed, result);
  }

  ExportRecord withResult(Map<String, Object> result) {
    return new ExportRecord(dir, dirCreated, images, buildinfo, md5sums, latest, deleted, result);
  }

  /** The last phase an image completed; each implies the ones before. */
  enum Phase {
    /** ExportImage was sent; its objects may exist. */
    EXPORTING,
    EXPORTED,
    REWRITTEN,
    EXTRAS;

    @JsonValue
    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static Phase fromWireName(String value) {
      return valueOf(value.toUpperCase(Locale.ROOT));
    }
  }

  /**
   * One image's progress.
   *
   * @param name the image name
   * @param version the image version
   * @param phase the last phase completed
   * @param manifest the manifest's Manta path, once exported
   * @param file the image file's Manta path, once exported
   * @param md5 the image file's MD5 in hex, once known
   */
  record ImageProgress(
      String name, String version, Phase phase, String manifest, String file, String md5) {
    ImageProgress at(Phase next) {
      return new ImageProgress(name, version, next, manifest, file, md5);
    }
  }
}
