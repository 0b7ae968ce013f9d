package org.tritondatacenter.origin.build;

import java.util.List;
import org.tritondatacenter.origin.BuildFailedException;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.cloudapi.Image;
import org.tritondatacenter.origin.cloudapi.ImageState;
import org.tritondatacenter.origin.cloudapi.MachineState;
import org.tritondatacenter.origin.flow.Task;
import org.tritondatacenter.origin.flow.TaskRunner;

/** Builds one image: its tasks in order with cleanup, resuming from what the record says. */
final class ImageBuilder {
  private static final List<Task<ImageJob>> TASKS =
      List.of(
          new CreateMachineTask(),
          new WaitRunningTask(),
          new WaitGuestTask(),
          new StopMachineTask(),
          new CreateImageTask(),
          new WaitImageTask());

  /**
   * What became of one image.
   *
   * @param job the image
   * @param failure why it failed or was interrupted, or null when it succeeded
   * @param leftBehind what cleanup could not remove, or kept on purpose
   */
  record Outcome(ImageJob job, Throwable failure, List<String> leftBehind) {
    Outcome {
      leftBehind = List.copyOf(leftBehind);
    }
  }

  private ImageBuilder() {}

  /** Builds the image; never throws, so one image's failure never stops the others. */
  static Outcome build(ImageJob job) {
    try {
      ImageRecord record = job.record();
      if (record.finished()) {
        return new Outcome(job, null, List.of());
      }
      if (record.phase() == ImagePhase.UNKNOWN) {
        throw new TritonException(
            "the run record gives "
                + job.name()
                + " a phase this version does not know; it was written by a newer triton-origin,"
                + " so continue the build with that version");
      }
      job.startClock();
      if (needsNewAttempt(record)) {
        removeLeftovers(job, record);
        job.update(ImageRecord::nextAttempt);
      }
      BuildContext build = job.build();
      TaskRunner<ImageJob> runner =
          new TaskRunner<>(
              "build", job.name(), build.clock()::now, build.cleanupTimeout(), build.listener());
      List<String> left = runner.run(TASKS, job);
      return new Outcome(job, null, left);
    } catch (Throwable t) {
      String why = t.getMessage() == null ? t.toString() : t.getMessage();
      try {
        job.update(r -> r.failed(why));
      } catch (RuntimeException e) {
        t.addSuppressed(e);
      }
      return new Outcome(
          job, t, t instanceof BuildFailedException bfe ? bfe.leftBehind() : List.of());
    }
  }

  /**
   * Returns true when the record's attempt cannot go on: it failed, or its machine is gone while
   * the build still needs one (an interrupted attempt whose cleanup deleted it).
   */
  private static boolean needsNewAttempt(ImageRecord record) {
    if (record.phase() == ImagePhase.FAILED) {
      return true;
    }
    return record.machineId() == null
        && record.phase() != ImagePhase.CREATE_MACHINE
        && record.phase().needsMachine();
  }

  /**
   * Removes what a failed attempt's cleanup could not, before starting afresh: the new attempt must
   * not adopt a half-made image, and a machine the record still names would leak.
   */
  private static void removeLeftovers(ImageJob job, ImageRecord record) {
    String machineId = record.machineId();
    if (machineId != null) {
      job.cloudApi().deleteMachine(machineId);
      job.cloudApi().waitForMachineState(machineId, MachineState.DELETED, job.remaining());
      job.update(r -> r.withoutMachine(false));
    }
    String imageId = record.imageId();
    if (imageId != null) {
      try {
        Image image = job.cloudApi().getImage(imageId);
        if (image.state() != ImageState.ACTIVE) {
          job.cloudApi().deleteImage(imageId);
        }
      } catch (TritonApiException e) {
        if (!e.isNotFound()) {
          throw e;
        }
      }
      job.update(r -> r.withImage(null));
    }
  }
}
