package org.tritondatacenter.origin.publish;

import java.util.Optional;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.flow.Cleanup;
import org.tritondatacenter.origin.flow.LateAnswer;
import org.tritondatacenter.origin.imgapi.Image;
import org.tritondatacenter.origin.imgapi.ImageState;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.publish.ImagePublisher.State;
import org.tritondatacenter.origin.wait.Waiter;

/**
 * Deletes the image a failed or interrupted publish left unactivated, as {@code updates-imgadm}
 * does, so nothing half-published stays on the server.
 *
 * <p>AdminImportImage is not repeatable, and its answer can be lost (a read timeout, an abort)
 * while IMGAPI still records the image a moment later. So after an import that got no answer,
 * cleanup looks again for a short while ({@link LateAnswer}); otherwise the image would appear
 * after cleanup had looked, unreported until {@code gc}. What cannot be looked up or deleted is
 * reported with the command that removes it.
 */
final class ImportCleanup {
  private static final String ACTION = "delete unactivated image";

  private final ImgapiClient imgapi;
  private final ImageLookup lookup;
  private final PublishProgress progress;
  private final Waiter waiter;

  ImportCleanup(ImgapiClient imgapi, ImageLookup lookup, PublishProgress progress, Waiter waiter) {
    this.imgapi = imgapi;
    this.lookup = lookup;
    this.progress = progress;
    this.waiter = waiter;
  }

  /** Deletes the image of {@code state} when the run failed and left it unactivated. */
  void cleanUp(State state, Cleanup cleanup) {
    if (cleanup.succeeded() || !mayBeUnactivated(state)) {
      return;
    }
    Optional<Image> found;
    try {
      found = lookup.find(state.uuid());
      if (found.isEmpty() && state.importUnanswered) {
        found =
            LateAnswer.await(
                waiter,
                cleanup,
                "image of an unanswered AdminImportImage",
                state.item.describe(),
                () -> lookup.find(state.uuid()));
      }
    } catch (TritonException e) {
      cleanup.leftBehind(
          ACTION,
          (state.image == null
                  ? "image "
                      + state.item.describe()
                      + ", if IMGAPI imported it after the lost answer"
                  : "unactivated image " + state.item.describe())
              + ": cannot look it up: "
              + e.getMessage(),
          deleteCommand(state.channel, state.uuid()));
      return;
    }
    if (found.isEmpty()
        || found.get().state() != ImageState.UNACTIVATED
        || !isOf(found.get(), state.item)) {
      return;
    }
    Image image = found.get();
    String channel = image.channels().isEmpty() ? null : image.channels().get(0);
    try {
      imgapi.deleteImage(state.uuid(), channel, true);
      cleanup.removed(ACTION, state.item.describe());
      progress.save(state.uuid(), null);
    } catch (RuntimeException e) {
      cleanup.leftBehind(
          ACTION,
          "unactivated image " + state.item.describe() + ": " + e.getMessage(),
          deleteCommand(channel, state.uuid()));
    }
  }

  /**
   * Returns true when the run may have left the image unactivated: it found it so, imported it, or
   * sent an import that got no answer. Otherwise (found active, or never imported) there is nothing
   * to look for, and a failed look-up must not be reported as a leftover.
   */
  private static boolean mayBeUnactivated(State state) {
    return state.importUnanswered
        || (state.image != null && state.image.state() == ImageState.UNACTIVATED);
  }

  /**
   * Returns true when {@code image} is {@code item}'s. An import whose answer was lost may meet
   * another image holding the uuid (the import then failed on that); that one is not this run's to
   * delete.
   */
  private static boolean isOf(Image image, PublishItem item) {
    return item.manifest().name().equals(image.name())
        && item.manifest().version().equals(image.version());
  }

  private static String deleteCommand(String channel, String uuid) {
    return "updates-imgadm"
        + (channel == null ? "" : " -C " + channel)
        + " delete --force-all-channels "
        + uuid;
  }
}
