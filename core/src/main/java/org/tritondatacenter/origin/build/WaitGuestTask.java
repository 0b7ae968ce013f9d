package org.tritondatacenter.origin.build;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.cloudapi.Machine;
import org.tritondatacenter.origin.cloudapi.MachineState;
import org.tritondatacenter.origin.cloudapi.ResourceFailedException;

/**
 * Waits for the machine's build script to report {@code triton-origin:status} = {@code ok}, then
 * reads the installed packages and the audit report it left in customer metadata.
 *
 * <p>Each poll reads the machine's state as well, because a machine that crashes ({@code failed})
 * never updates its metadata again. The wait shares the image's deadline, so a script that hangs
 * ends in a timeout naming the last status and step seen.
 */
final class WaitGuestTask extends BuildTask {
  private static final String OK = "ok";
  private static final String FAILED = "failed";
  private static final String CRASHED = "crashed";

  WaitGuestTask() {
    super("wait for build script", ImagePhase.WAIT_GUEST);
  }

  /** What one poll saw: the status and step the script reported, or that the machine crashed. */
  record GuestState(String status, String step, boolean crashed) {
    String describe() {
      if (crashed) {
        return CRASHED;
      }
      if (status == null) {
        return "not started";
      }
      if (status.equals(OK) || status.equals(FAILED)) {
        return status;
      }
      return status + (step == null ? "" : " (step " + step + ")");
    }
  }

  @Override
  void work(ImageJob job) {
    CloudApiClient cloudApi = job.cloudApi();
    String id = job.record().machineId();
    GuestState end =
        job.build()
            .waiter()
            .waitFor("build script of machine", id, () -> poll(cloudApi, id), GuestState::describe)
            .until(OK)
            .terminal(FAILED, CRASHED)
            .timeout(job.remaining())
            .await();
    if (end.crashed()) {
      throw new ResourceFailedException(
          "machine "
              + id
              + " crashed (state failed) while its build script ran"
              + (end.step() == null ? "" : " step " + end.step())
              + "; delete it and check the origin and package it was made with",
          "machine",
          id,
          MachineState.FAILED.wireName(),
          null,
          null);
    }
    if (end.status().equals(FAILED)) {
      String step = metadata(cloudApi, id, UserScript.STEP).orElse(null);
      String error = metadata(cloudApi, id, UserScript.ERROR).orElse(null);
      throw new GuestFailedException(id, step, error);
    }
    List<String> pkgs =
        metadata(cloudApi, id, UserScript.PKGS).map(WaitGuestTask::lines).orElse(List.of());
    String audit = job.spec().audit() ? metadata(cloudApi, id, UserScript.AUDIT).orElse("") : null;
    job.update(r -> r.withGuestReport(pkgs, audit).withPhase(ImagePhase.STOP));
    job.info(
        "the build script of "
            + job.name()
            + " finished in machine "
            + id
            + ": "
            + pkgs.size()
            + " packages installed");
  }

  private static GuestState poll(CloudApiClient cloudApi, String id) {
    Machine machine = cloudApi.getMachine(id);
    if (machine.state() == MachineState.FAILED) {
      return new GuestState(null, metadata(cloudApi, id, UserScript.STEP).orElse(null), true);
    }
    if (machine.state() == MachineState.DELETED) {
      throw new TritonException("machine " + id + " was deleted while its build script ran");
    }
    String status = metadata(cloudApi, id, UserScript.STATUS).orElse(null);
    String step =
        status == null || status.equals(OK) || status.equals(FAILED)
            ? null
            : metadata(cloudApi, id, UserScript.STEP).orElse(null);
    return new GuestState(status == null ? null : status.strip(), step, false);
  }

  private static Optional<String> metadata(CloudApiClient cloudApi, String id, String key) {
    return cloudApi.getMachineMetadata(id, key);
  }

  static List<String> lines(String text) {
    return Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
