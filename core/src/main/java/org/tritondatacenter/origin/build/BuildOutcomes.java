package org.tritondatacenter.origin.build;

import java.util.ArrayList;
import java.util.List;
import org.tritondatacenter.origin.BuildFailedException;
import org.tritondatacenter.origin.OperationInterruptedException;

/** Reports how the images of a build ended: nothing when all finished, else one error for all. */
final class BuildOutcomes {
  private BuildOutcomes() {}

  /**
   * Throws when an image failed or the build was interrupted, naming every failed image and
   * everything left behind.
   */
  static void throwIfFailed(ParallelBuilds.Result result, BuildProgress progress, String buildId) {
    List<String> leftBehind = new ArrayList<>();
    List<ImageBuilder.Outcome> failed = new ArrayList<>();
    for (ImageBuilder.Outcome outcome : result.outcomes()) {
      leftBehind.addAll(outcome.leftBehind());
      if (outcome.failure() != null) {
        failed.add(outcome);
      }
    }
    if (!result.interrupted() && failed.isEmpty()) {
      return;
    }
    progress.status(BuildRecord.Status.FAILED);
    List<String> reasons = new ArrayList<>();
    for (ImageBuilder.Outcome outcome : failed) {
      reasons.add(withoutLeftovers(outcome));
    }
    RuntimeException thrown;
    if (result.interrupted()) {
      String message =
          "build "
              + buildId
              + " was interrupted: "
              + String.join("; ", reasons)
              + (leftBehind.isEmpty()
                  ? "; every image cleaned up"
                  : "; left behind: " + String.join("; ", leftBehind))
              + ". Run it again with the same run record to finish it";
      thrown =
          failed.isEmpty()
              ? new OperationInterruptedException(message)
              : new OperationInterruptedException(message, failed.get(0).failure());
    } else {
      int total = result.outcomes().size() + result.notStarted().size();
      String message =
          "build "
              + buildId
              + ": "
              + failed.size()
              + " of "
              + total
              + " images failed: "
              + String.join("; ", reasons);
      thrown = new BuildFailedException(message, "build", leftBehind, failed.get(0).failure());
    }
    for (ImageBuilder.Outcome outcome : failed) {
      if (outcome.failure() != thrown.getCause()) {
        thrown.addSuppressed(outcome.failure());
      }
    }
    throw thrown;
  }

  /** Returns an image's failure message without the leftovers, which the build lists once. */
  private static String withoutLeftovers(ImageBuilder.Outcome outcome) {
    Throwable failure = outcome.failure();
    String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
    if (failure instanceof BuildFailedException bfe && !bfe.leftBehind().isEmpty()) {
      String suffix = "; left behind: " + String.join("; ", bfe.leftBehind());
      if (message.endsWith(suffix)) {
        message = message.substring(0, message.length() - suffix.length());
      }
    }
    return message;
  }
}
