package org.tritondatacenter.origin.build;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The run record's {@code build} section: the build id and stamp a re-run keeps, each image's
 * progress, and once the build finished, its result map. It holds no secrets.
 *
 * @param buildId the build id that tags the machines and images
 * @param branch the sanitised branch
 * @param timestamp the build time, {@code YYYYMMDDTHHMMSSZ}
 * @param gitCommit the commit hash
 * @param version the version every image gets
 * @param status whether the build is running or how it ended
 * @param images the selected images, in file order
 * @param result what the step returned ({@code BuildResult.toMap()}), once it finished
 */
public record BuildRecord(
    String buildId,
    String branch,
    String timestamp,
    String gitCommit,
    String version,
    Status status,
    List<ImageRecord> images,
    Map<String, Object> result) {

  /** The run record section this record is saved under. */
  public static final String SECTION = "build";

  /** Whether the build is running or how it ended. */
  public enum Status {
    @JsonProperty("running")
    RUNNING,
    @JsonProperty("failed")
    FAILED,
    @JsonProperty("done")
    DONE,
    @JsonEnumDefaultValue
    @JsonProperty("unknown")
    UNKNOWN
  }

  /** Requires the build id and normalises absent values. */
  public BuildRecord {
    Objects.requireNonNull(buildId, "buildId == null");
    status = status == null ? Status.UNKNOWN : status;
    images = images == null ? List.of() : List.copyOf(images);
  }

  /** Returns the record of {@code name}, if the build has that image. */
  public Optional<ImageRecord> image(String name) {
    return images.stream().filter(i -> i.name().equals(name)).findFirst();
  }

  BuildRecord withImage(ImageRecord image) {
    List<ImageRecord> list = new ArrayList<>(images);
    boolean replaced = false;
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).name().equals(image.name())) {
        list.set(i, image);
        replaced = true;
      }
    }
    if (!replaced) {
      list.add(image);
    }
    return new BuildRecord(buildId, branch, timestamp, gitCommit, version, status, list, result);
  }

  BuildRecord withStatus(Status newStatus) {
    return new BuildRecord(
        buildId, branch, timestamp, gitCommit, version, newStatus, images, result);
  }

  BuildRecord withResult(Map<String, Object> newResult) {
    return new BuildRecord(
        buildId, branch, timestamp, gitCommit, version, status, images, newResult);
  }
}
