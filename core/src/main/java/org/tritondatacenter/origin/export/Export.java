package org.tritondatacenter.origin.export;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.cloudapi.ImageState;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.export.ExportRecord.ImageProgress;
import org.tritondatacenter.origin.flow.Task;
import org.tritondatacenter.origin.flow.TaskRunner;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.state.RecordKeeper;
import org.tritondatacenter.origin.steps.BuildResult;
import org.tritondatacenter.origin.steps.ExportResult;
import org.tritondatacenter.origin.wait.Clock;

/**
 * Exports built images to Manta: {@code mantaExport}.
 *
 * <pre>{@code
 * ExportResult result = new Export(cloudapi, manta, new OriginPlatforms(List.of(updates)),
 *     clock, listener).run(build, ExportSettings.ofProject("triton-origin-image", true), record);
 * }</pre>
 *
 * <p>The tasks run in order: mkdirp the build directory; for each built image, CloudAPI ExportImage
 * into it, rewrite its manifest and upload its package list (and audit report); {@code
 * buildinfo.json}; {@code md5sums.txt}; the {@code <branch>-latest} pointer. Then, when asked, the
 * datacenter images are deleted. Progress is saved to the record after each object, so a resumed
 * export does no finished work again; an export that fails or is interrupted before the pointer
 * removes what it wrote.
 */
public final class Export {
  /** The name of this operation's section in the run record. */
  public static final String SECTION = "export";

  private static final Duration CLEANUP_BUDGET = Duration.ofMinutes(2);

  private final CloudApiClient cloudapi;
  private final MantaClient manta;
  private final OriginPlatforms origins;
  private final Clock clock;
  private final EventListener listener;

  /**
   * Creates the operation.
   *
   * @param manta a client of the Manta account CloudAPI's account exports into (the same login)
   * @param origins where the origins' {@code min_platform} is read
   */
  public Export(
      CloudApiClient cloudapi,
      MantaClient manta,
      OriginPlatforms origins,
      Clock clock,
      EventListener listener) {
    this.cloudapi = Objects.requireNonNull(cloudapi, "cloudapi == null");
    this.manta = Objects.requireNonNull(manta, "manta == null");
    this.origins = Objects.requireNonNull(origins, "origins == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.listener = Objects.requireNonNull(listener, "listener == null");
  }

  /**
   * Exports the images of {@code build} that were built; skipped ones are passed over, and when
   * every one was skipped nothing is written at all.
   *
   * @throws org.tritondatacenter.origin.BuildFailedException naming the task (such as {@code
   *     rewrite manifest of triton-origin-x86_64-24.4.1}) and the directory; cleanup has run
   * @throws OperationInterruptedException when the thread is interrupted; cleanup has run
   * @throws TritonException before anything is written when an image is not an active image of the
   *     datacenter
   * @throws IllegalArgumentException when the path is not in the Manta account
   */
  public ExportResult run(BuildResult build, ExportSettings settings, RecordKeeper record) {
    Objects.requireNonNull(build, "build == null");
    Objects.requireNonNull(settings, "settings == null");
    Objects.requireNonNull(record, "record == null");
    ExportLayout layout = ExportLayout.of(manta.login(), build, settings);
    String dir = layout.dir().toString();
    List<BuildResult.Image> images = build.images().stream().filter(i -> !i.skipped()).toList();
    if (images.isEmpty()) {
      listener.on(
          new Event.Info(
              "nothing to export: every image was skipped; "
                  + layout.latest()
                  + " is left as it is"));
      return new ExportResult(dir, null, List.of());
    }
    ExportProgress progress = new ExportProgress(record, dir);
    if (progress.current().result() != null) {
      listener.on(new Event.Info("export to " + dir + " already finished"));
      return ExportResult.fromMap(progress.current().result());
    }
    checkImages(images, progress);
    ExportJob job =
        new ExportJob(cloudapi, manta, origins, build, images, layout, progress, listener);
    List<Task<ExportJob>> tasks = new ArrayList<>();
    tasks.add(new DirectoryTasks.Mkdirp());
    images.forEach(image -> tasks.addAll(ImageTasks.of(image)));
    tasks.add(new DirectoryTasks.BuildInfo());
    tasks.add(new DirectoryTasks.Md5sums());
    tasks.add(new LatestPointer());
    new TaskRunner<ExportJob>("export", dir, clock::now, CLEANUP_BUDGET, listener).run(tasks, job);
    if (settings.deleteImages()) {
      deleteImages(job);
    }
    ExportResult result = result(job);
    progress.finish(result.toMap());
    return result;
  }

  /**
   * Checks, before anything is written, that every image still to export is an active image of the
   * datacenter. Calls CloudAPI GetImage.
   */
  private void checkImages(List<BuildResult.Image> images, ExportProgress progress) {
    for (BuildResult.Image image : images) {
      boolean exported =
          progress
              .image(image.uuid())
              .map(p -> p.phase().compareTo(ExportRecord.Phase.EXPORTED) >= 0)
              .orElse(false);
      if (exported) {
        continue;
      }
      org.tritondatacenter.origin.cloudapi.Image found;
      try {
        found = cloudapi.getImage(image.uuid());
      } catch (TritonApiException e) {
        if (e.isNotFound()) {
          throw new TritonException(
              "image "
                  + image.uuid()
                  + " ("
                  + image.name()
                  + ") is not in the datacenter, so it cannot be exported; an earlier export with"
                  + " deleteImages may have removed it, or the build map is from another"
                  + " datacenter",
              e);
        }
        throw e;
      }
      if (found.state() != ImageState.ACTIVE) {
        throw new TritonException(
            "image "
                + image.uuid()
                + " ("
                + image.name()
                + ") is "
                + found.state().name().toLowerCase(java.util.Locale.ROOT)
                + " in the datacenter; only an active image can be exported");
      }
    }
  }

  /**
   * Deletes the datacenter images, now only in Manta. A failure here does not undo a complete
   * export: it is reported, with how to remove the image by hand.
   */
  private void deleteImages(ExportJob job) {
    for (BuildResult.Image image : job.images) {
      if (job.progress.current().deleted().contains(image.uuid())) {
        continue;
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new OperationInterruptedException(
            "export to " + job.layout.dir() + " was interrupted while deleting the images");
      }
      try {
        cloudapi.deleteImage(image.uuid());
        listener.on(new Event.Cleanup("delete image", image.uuid(), true, null));
      } catch (OperationInterruptedException e) {
        throw e;
      } catch (TritonApiException e) {
        if (!e.isNotFound()) {
          warnLeft(image, e);
          continue;
        }
      } catch (RuntimeException e) {
        warnLeft(image, e);
        continue;
      }
      job.progress.update(r -> r.withDeleted(image.uuid()));
    }
  }

  private void warnLeft(BuildResult.Image image, RuntimeException e) {
    listener.on(
        new Event.Cleanup(
            "delete image",
            image.uuid() + " (" + image.name() + "): " + e.getMessage(),
            false,
            "triton image rm " + image.uuid()));
  }

  private static ExportResult result(ExportJob job) {
    List<ExportResult.Image> images = new ArrayList<>();
    for (BuildResult.Image image : job.images) {
      ImageProgress p = job.progress.image(image.uuid()).orElseThrow();
      images.add(
          new ExportResult.Image(
              image.name(), image.version(), image.uuid(), p.manifest(), p.file(), p.md5()));
    }
    String latest =
        LatestPointer.WRITTEN.equals(job.progress.current().latest())
            ? job.layout.latest().toString()
            : null;
    return new ExportResult(job.layout.dir().toString(), latest, images);
  }
}
