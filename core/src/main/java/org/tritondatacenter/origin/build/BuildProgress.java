package org.tritondatacenter.origin.build;

import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.tritondatacenter.origin.state.RecordKeeper;

/**
 * The build's record as it changes, shared by the parallel image builds. Every change is saved at
 * once, so a machine id is in the record the moment CreateMachine answers.
 */
final class BuildProgress {
  private final RecordKeeper keeper;
  private BuildRecord record;

  BuildProgress(RecordKeeper keeper, BuildRecord initial) {
    this.keeper = Objects.requireNonNull(keeper, "keeper == null");
    this.record = Objects.requireNonNull(initial, "initial == null");
    keeper.save(BuildRecord.SECTION, record);
  }

  synchronized BuildRecord current() {
    return record;
  }

  synchronized ImageRecord image(String name) {
    return record
        .image(name)
        .orElseThrow(() -> new IllegalStateException("the build record has no image " + name));
  }

  /** Changes one image's record and saves; returns the new image record. */
  synchronized ImageRecord update(String name, UnaryOperator<ImageRecord> change) {
    ImageRecord changed = change.apply(image(name));
    record = record.withImage(changed);
    keeper.save(BuildRecord.SECTION, record);
    return changed;
  }

  synchronized void status(BuildRecord.Status status) {
    record = record.withStatus(status);
    keeper.save(BuildRecord.SECTION, record);
  }

  synchronized void finish(Map<String, Object> result) {
    record = record.withStatus(BuildRecord.Status.DONE).withResult(result);
    keeper.save(BuildRecord.SECTION, record);
  }
}
