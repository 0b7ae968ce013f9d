package org.tritondatacenter.origin.build;

import java.time.Duration;
import java.util.Optional;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.cloudapi.CreateMachineRequest;
import org.tritondatacenter.origin.cloudapi.Machine;
import org.tritondatacenter.origin.cloudapi.MachineState;
import org.tritondatacenter.origin.flow.Cleanup;
import org.tritondatacenter.origin.flow.LateAnswer;
import org.tritondatacenter.origin.images.ImageSpec;

/**
 * Creates the temporary machine, or adopts the one an earlier attempt of this build made, and
 * always removes it afterwards, unless the build failed and {@code keepOnFailure} is set.
 */
final class CreateMachineTask extends BuildTask {
  CreateMachineTask() {
    super("create machine", ImagePhase.CREATE_MACHINE);
  }

  @Override
  void work(ImageJob job) {
    // A crash between CreateMachine and saving its answer leaves a machine the record does not
    // know: look for it by tag before making another.
    Optional<Machine> earlier = job.findMachine();
    if (earlier.isPresent()) {
      adopt(job, earlier.get(), "made earlier in build " + job.build().buildId());
      return;
    }
    CreateMachineRequest request = request(job);
    if (Thread.currentThread().isInterrupted()) {
      // Nothing is sent on an interrupted thread; cleanup need not look for a machine.
      throw new OperationInterruptedException(
          "build of " + job.name() + " was interrupted before CreateMachine");
    }
    Machine created;
    try {
      job.markCreateMachineSent();
      created = job.cloudApi().createMachine(request);
      job.markCreateMachineAnswered();
    } catch (TritonApiException refused) {
      // An answer, though a refusal: the server made no machine.
      job.markCreateMachineAnswered();
      throw refused;
    } catch (TritonIoException lost) {
      // The request may have arrived: resending could make a second machine, so reconcile.
      Machine found = reconcile(job, lost);
      adopt(job, found, "CreateMachine's answer was lost");
      return;
    }
    job.update(r -> r.withMachine(created.id(), created.name()).withPhase(ImagePhase.WAIT_RUNNING));
    job.info(
        "machine " + created.id() + " (" + created.name() + ") is provisioning for " + job.name());
  }

  private static Machine reconcile(ImageJob job, TritonIoException lost) {
    Optional<Machine> found;
    try {
      found = job.findMachine();
    } catch (TritonException e) {
      e.addSuppressed(lost);
      throw e;
    }
    return found.orElseThrow(
        () ->
            new TritonException(
                "CreateMachine for "
                    + job.name()
                    + " got no answer ("
                    + lost.getMessage()
                    + ") and no machine tagged "
                    + BuildTags.BUILD
                    + "="
                    + job.build().buildId()
                    + " exists; run the build again to retry",
                lost));
  }

  private static void adopt(ImageJob job, Machine machine, String why) {
    job.update(r -> r.withMachine(machine.id(), machine.name()).withPhase(ImagePhase.WAIT_RUNNING));
    job.info(
        "adopted machine "
            + machine.id()
            + " ("
            + machine.name()
            + ") for "
            + job.name()
            + ": "
            + why);
  }

  private static CreateMachineRequest request(ImageJob job) {
    ImageSpec spec = job.spec();
    CreateMachineRequest.Builder b =
        CreateMachineRequest.builder(spec.origin().uuid(), job.plan().packageId())
            .name(job.machineName())
            .networks(job.plan().networkIds())
            .metadata(spec.metadata())
            .metadata("user-script", UserScript.forImage(spec, job.build().buildId()))
            .tags(spec.tags())
            .tag(BuildTags.BUILD, job.build().buildId())
            .tag(BuildTags.TEMPORARY, true)
            .tag(BuildTags.IMAGE, job.name());
    return b.build();
  }

  @Override
  public void cleanup(ImageJob job, Cleanup cleanup) {
    ImageRecord record = job.record();
    String id = record.machineId();
    String name = record.machineName();
    if (id == null && job.createMachineSent()) {
      // The answer was lost and reconciling failed, or the run stopped before saving it.
      try {
        Optional<Machine> found = job.findMachine();
        if (found.isEmpty() && !job.createMachineAnswered()) {
          found =
              LateAnswer.await(
                  job.build().waiter(),
                  cleanup,
                  "machine of an unanswered CreateMachine",
                  job.name(),
                  job::findMachine);
        }
        if (found.isPresent()) {
          id = found.get().id();
          name = found.get().name();
        }
      } catch (TritonException e) {
        cleanup.leftBehind(
            "find machine",
            "any machine tagged "
                + BuildTags.BUILD
                + "="
                + job.build().buildId()
                + " for "
                + job.name(),
            "triton-origin gc --delete");
        return;
      }
    }
    if (id == null) {
      return;
    }
    String what = "machine " + id + " (" + name + ") of " + job.name();
    if (!cleanup.succeeded() && job.build().keepOnFailure()) {
      String kept = id;
      job.update(r -> kept.equals(r.machineId()) ? r.withoutMachine(true) : r);
      cleanup.leftBehind(
          "keep machine",
          what + ", kept for debugging (keepOnFailure)",
          "triton instance rm " + id);
      return;
    }
    deleteMachine(job, id, what, cleanup);
  }

  /** Deletes the machine and waits until CloudAPI answers 410 Gone, within the cleanup deadline. */
  static void deleteMachine(ImageJob job, String id, String what, Cleanup cleanup) {
    try {
      job.cloudApi().deleteMachine(id);
      Duration left = cleanup.remaining();
      if (left.isZero()) {
        throw new TritonException("the cleanup deadline passed before the machine was gone");
      }
      job.cloudApi().waitForMachineState(id, MachineState.DELETED, left);
    } catch (TritonApiException e) {
      if (!e.isNotFound() && !e.isGone()) {
        cleanup.leftBehind(
            "delete machine", what + ": " + e.getMessage(), "triton instance rm " + id);
        return;
      }
    } catch (TritonException e) {
      cleanup.leftBehind(
          "delete machine", what + ": " + e.getMessage(), "triton instance rm " + id);
      return;
    }
    job.update(r -> id.equals(r.machineId()) ? r.withoutMachine(false) : r);
    cleanup.removed("delete machine", what);
  }
}
