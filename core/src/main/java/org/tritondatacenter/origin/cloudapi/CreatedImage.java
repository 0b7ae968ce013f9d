package org.tritondatacenter.origin.cloudapi;

import java.util.Objects;

/**
 * The answer to CreateImageFromMachine: the placeholder image, in state {@code creating}, and the
 * workflow job that makes it.
 *
 * @param image the placeholder image; its id is what to wait on
 * @param jobId the workflow job UUID from the {@code x-joyent-jobid} header, or null when the
 *     server sent none
 */
public record CreatedImage(Image image, String jobId) {

  /** Requires the image. */
  public CreatedImage {
    Objects.requireNonNull(image, "image == null");
  }
}
