package org.tritondatacenter.origin.publish;

import java.util.Map;
import java.util.Optional;
import org.tritondatacenter.origin.publish.PublishRecord.ImageProgress;
import org.tritondatacenter.origin.publish.PublishRecord.Phase;
import org.tritondatacenter.origin.state.RecordKeeper;

/** The publish section of the run record, saved after every change. */
final class PublishProgress {
  private final RecordKeeper keeper;
  private PublishRecord current;

  /**
   * Loads the section. A finished publish starts afresh: running it again re-checks the server,
   * which then reports each image as already published.
   */
  PublishProgress(RecordKeeper keeper) {
    this.keeper = keeper;
    PublishRecord saved =
        keeper.section(Publish.SECTION, PublishRecord.class).orElse(PublishRecord.empty());
    this.current = saved.result() == null ? saved : PublishRecord.empty();
  }

  synchronized Optional<Phase> phase(String uuid) {
    return Optional.ofNullable(current.images().get(uuid)).map(ImageProgress::phase);
  }

  /** Records {@code uuid}'s progress, or forgets it when null (its image was deleted). */
  synchronized void save(String uuid, ImageProgress progress) {
    current = current.with(uuid, progress);
    keeper.save(Publish.SECTION, current);
  }

  synchronized void finish(Map<String, Object> result) {
    current = new PublishRecord(current.images(), result);
    keeper.save(Publish.SECTION, current);
  }
}
