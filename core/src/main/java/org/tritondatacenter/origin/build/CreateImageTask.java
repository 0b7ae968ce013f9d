package org.tritondatacenter.origin.build;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.cloudapi.CreateImageRequest;
import org.tritondatacenter.origin.cloudapi.Image;
import org.tritondatacenter.origin.cloudapi.ImageFilter;
import org.tritondatacenter.origin.cloudapi.ImageState;
import org.tritondatacenter.origin.flow.Cleanup;
import org.tritondatacenter.origin.flow.LateAnswer;
import org.tritondatacenter.origin.images.ImageSpec;
import org.tritondatacenter.origin.images.ImageTags;

/**
 * Makes the image from the stopped machine with CreateImageFromMachine, or adopts the one an
 * earlier attempt made; when the build fails, deletes an image left {@code creating} or {@code
 * failed}.
 */
final class CreateImageTask extends BuildTask {
  private static final Set<ImageState> HALF_MADE =
      Set.of(ImageState.CREATING, ImageState.FAILED, ImageState.UNACTIVATED);

  CreateImageTask() {
    super("create image", ImagePhase.CREATE_IMAGE);
  }

  @Override
  void work(ImageJob job) {
    // A crash between CreateImageFromMachine and saving its answer leaves an image the record
    // does not know; name and version identify it, the build tag proves it is ours.
    Optional<Image> earlier = findImage(job);
    if (earlier.isPresent()) {
      adopt(job, earlier.get(), "made earlier in build " + job.build().buildId());
      return;
    }
    if (Thread.currentThread().isInterrupted()) {
      throw new OperationInterruptedException(
          "build of " + job.name() + " was interrupted before CreateImageFromMachine");
    }
    Image image;
    try {
      job.markCreateImageSent();
      image = job.cloudApi().createImageFromMachine(request(job)).image();
      job.markCreateImageAnswered();
    } catch (TritonApiException refused) {
      job.markCreateImageAnswered();
      throw refused;
    } catch (TritonIoException lost) {
      adopt(job, reconcile(job, lost), "CreateImageFromMachine's answer was lost");
      return;
    }
    String id = image.id();
    job.update(r -> r.withImage(id).withPhase(ImagePhase.WAIT_IMAGE));
    job.info("image " + id + " (" + job.name() + "@" + job.build().version() + ") is being made");
  }

  private static Image reconcile(ImageJob job, TritonIoException lost) {
    Optional<Image> found;
    try {
      found = findImage(job);
    } catch (TritonException e) {
      e.addSuppressed(lost);
      throw e;
    }
    return found.orElseThrow(
        () ->
            new TritonException(
                "CreateImageFromMachine for "
                    + job.name()
                    + "@"
                    + job.build().version()
                    + " got no answer ("
                    + lost.getMessage()
                    + ") and no such image exists; run the build again to retry",
                lost));
  }

  private static void adopt(ImageJob job, Image image, String why) {
    job.update(r -> r.withImage(image.id()).withPhase(ImagePhase.WAIT_IMAGE));
    job.info("adopted image " + image.id() + " for " + job.name() + ": " + why);
  }

  private static CreateImageRequest request(ImageJob job) {
    ImageSpec spec = job.spec();
    BuildContext build = job.build();
    return CreateImageRequest.builder(job.record().machineId(), job.name(), build.version())
        .description(spec.description())
        .homepage(spec.homepage())
        .tags(ImageTags.forImage(spec, build.stamp(), build.buildId()))
        .build();
  }

  /**
   * Returns this build's image of this name and version, in any state.
   *
   * @throws TritonException when an image of that name and version exists that another build or
   *     someone else made: CloudAPI would make a second one, and which is which could not be told
   */
  static Optional<Image> findImage(ImageJob job) {
    String version = job.build().version();
    List<Image> found =
        job.cloudApi()
            .listImages(
                ImageFilter.builder().name(job.name()).version(version).allStates().build());
    Optional<Image> ours =
        found.stream()
            .filter(
                i -> job.build().buildId().equals(String.valueOf(i.tags().get(ImageTags.BUILD))))
            .findFirst();
    if (ours.isEmpty() && !found.isEmpty()) {
      Image other = found.get(0);
      throw new TritonException(
          "image "
              + job.name()
              + "@"
              + version
              + " already exists in the datacenter ("
              + other.id()
              + ", "
              + other.state()
              + ", build "
              + other.tags().getOrDefault(ImageTags.BUILD, "unknown")
              + "); give another version, or delete that image first");
    }
    return ours;
  }

  @Override
  public void cleanup(ImageJob job, Cleanup cleanup) {
    if (cleanup.succeeded()) {
      return;
    }
    String id = job.record().imageId();
    if (id == null && job.createImageSent()) {
      try {
        Optional<Image> found = findImage(job);
        if (found.isEmpty() && !job.createImageAnswered()) {
          found =
              LateAnswer.await(
                  job.build().waiter(),
                  cleanup,
                  "image of an unanswered CreateImageFromMachine",
                  job.name(),
                  () -> findImage(job));
        }
        id = found.map(Image::id).orElse(null);
      } catch (TritonException e) {
        cleanup.leftBehind(
            "find image",
            "image " + job.name() + "@" + job.build().version() + ", if it was made",
            "triton-origin gc --delete");
        return;
      }
    }
    if (id == null || job.record().phase() == ImagePhase.SKIPPED) {
      return;
    }
    String what = "image " + id + " (" + job.name() + "@" + job.build().version() + ")";
    try {
      Image image = job.cloudApi().getImage(id);
      if (!HALF_MADE.contains(image.state())) {
        return;
      }
      job.cloudApi().deleteImage(id);
    } catch (TritonApiException e) {
      if (!e.isNotFound()) {
        cleanup.leftBehind("delete image", what + ": " + e.getMessage(), "triton image rm " + id);
        return;
      }
    } catch (TritonException e) {
      cleanup.leftBehind("delete image", what + ": " + e.getMessage(), "triton image rm " + id);
      return;
    }
    String deleted = id;
    job.update(r -> deleted.equals(r.imageId()) ? r.withImage(null) : r);
    cleanup.removed("delete image", what);
  }
}
