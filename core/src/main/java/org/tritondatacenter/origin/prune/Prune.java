package org.tritondatacenter.origin.prune;

import java.util.List;
import java.util.Objects;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.manta.MantaClient;

/**
 * Removes old builds: build directories of a Manta project beyond the newest N per branch (never
 * one a {@code <branch>-latest} pointer names), and images of a channel beyond the newest N per
 * name (from that channel only). It only lists unless the request says to delete.
 *
 * <pre>{@code
 * PruneReport report = new Prune(manta, updates, listener).run(
 *     new PruneRequest("/alice/public/builds/triton-origin-image", 5,
 *         "experimental", "triton-origin-", 3, false));
 * }</pre>
 */
public final class Prune {
  private final MantaClient manta;
  private final ImgapiClient imgapi;
  private final EventListener listener;

  /**
   * Creates the operation.
   *
   * @param manta the Manta client, or null when only images are pruned
   * @param imgapi a signed IMGAPI client, or null when only build directories are pruned
   */
  public Prune(MantaClient manta, ImgapiClient imgapi, EventListener listener) {
    this.manta = manta;
    this.imgapi = imgapi;
    this.listener = Objects.requireNonNull(listener, "listener == null");
  }

  /**
   * Decides, and removes when asked. Calls Manta ListDirectory, GetObject (the pointers) and
   * DeleteObject; IMGAPI ListImages and DeleteImage.
   *
   * @throws IllegalArgumentException when the request needs a client this operation lacks
   * @throws org.tritondatacenter.origin.TritonException when the project directory is missing or a
   *     listing fails; a failed removal is reported in the result instead
   */
  public PruneReport run(PruneRequest request) {
    Objects.requireNonNull(request, "request == null");
    List<PruneReport.Entry> builds = List.of();
    List<PruneReport.Entry> images = List.of();
    if (request.buildsDir() != null) {
      if (manta == null) {
        throw new IllegalArgumentException("pruning build directories needs a Manta client");
      }
      builds =
          new BuildPruner(manta, listener)
              .prune(manta.path(request.buildsDir()), request.keepBuilds(), request.delete());
    }
    if (request.channel() != null) {
      if (imgapi == null) {
        throw new IllegalArgumentException("pruning a channel needs an IMGAPI client");
      }
      images =
          new ImagePruner(imgapi, listener)
              .prune(
                  request.channel(), request.nameFilter(), request.keepImages(), request.delete());
    }
    return new PruneReport(builds, images, request.delete());
  }
}
