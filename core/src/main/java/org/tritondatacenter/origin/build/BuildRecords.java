package org.tritondatacenter.origin.build;

import java.util.ArrayList;
import java.util.List;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.images.BuildStamp;
import org.tritondatacenter.origin.preflight.Plan;
import org.tritondatacenter.origin.preflight.PlannedImage;
import org.tritondatacenter.origin.steps.BuildResult;

/** Turns a plan into the record a build starts from, and a finished record into its result. */
final class BuildRecords {
  private BuildRecords() {}

  /**
   * Returns the record to run with: the saved one, with an entry added for each planned image it
   * lacks, or a new one.
   *
   * @throws TritonException when an image's spec differs from the one saved: images.json changed,
   *     and the saved machines and images were made from the old one
   */
  static BuildRecord merge(
      BuildRecord saved, Plan plan, String buildId, BuildStamp stamp, String version) {
    BuildRecord record =
        saved != null
            ? saved
            : new BuildRecord(
                buildId,
                stamp.branch(),
                stamp.timestamp(),
                stamp.commit(),
                version,
                BuildRecord.Status.RUNNING,
                List.of(),
                null);
    for (PlannedImage image : plan.images()) {
      var existing = record.image(image.name());
      if (existing.isPresent()) {
        if (!image.specHash().equals(existing.get().spec())) {
          throw new TritonException(
              "images.json changed since build "
                  + record.buildId()
                  + " began: the entry of "
                  + image.name()
                  + " differs from the one the run record holds; finish or discard that run"
                  + " (for the command line, use a new state file) to build the changed images");
        }
        continue;
      }
      record =
          record.withImage(
              image.skipped()
                  ? ImageRecord.skipped(
                      image.name(),
                      image.publishedVersion() == null ? version : image.publishedVersion(),
                      image.specHash(),
                      image.origin(),
                      image.publishedUuid())
                  : ImageRecord.pending(image.name(), version, image.specHash(), image.origin()));
    }
    return record;
  }

  /** Returns the step result for the planned images, which the record shows finished. */
  static BuildResult result(BuildRecord record, Plan plan) {
    List<BuildResult.Image> images = new ArrayList<>();
    for (PlannedImage planned : plan.images()) {
      ImageRecord r = record.image(planned.name()).orElseThrow();
      boolean skipped = r.phase() == ImagePhase.SKIPPED;
      images.add(
          new BuildResult.Image(
              r.name(),
              r.version(),
              r.imageId(),
              planned.origin(),
              r.spec(),
              skipped,
              r.pkgs(),
              r.audit()));
    }
    return new BuildResult(
        record.buildId(), record.branch(), record.timestamp(), record.gitCommit(), images);
  }
}
