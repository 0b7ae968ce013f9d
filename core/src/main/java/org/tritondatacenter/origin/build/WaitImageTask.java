package org.tritondatacenter.origin.build;

import org.tritondatacenter.origin.cloudapi.Image;
import org.tritondatacenter.origin.cloudapi.ImageState;

/**
 * Waits for the new image to be active. A {@code failed} image ends the wait at once with the
 * image's {@code error} object in the message; the create task's cleanup then deletes it.
 */
final class WaitImageTask extends BuildTask {
  WaitImageTask() {
    super("wait for image active", ImagePhase.WAIT_IMAGE);
  }

  @Override
  void work(ImageJob job) {
    String id = job.record().imageId();
    Image image = job.cloudApi().waitForImageState(id, ImageState.ACTIVE, job.remaining());
    job.update(r -> r.withPhase(ImagePhase.DONE));
    job.info("image " + image.id() + " (" + image.name() + "@" + image.version() + ") is active");
  }
}
