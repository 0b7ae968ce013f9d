package org.tritondatacenter.origin.build;

import org.tritondatacenter.origin.cloudapi.MachineState;

/** Waits for the machine to run; a machine that fails to provision ends the wait at once. */
final class WaitRunningTask extends BuildTask {
  WaitRunningTask() {
    super("wait for machine running", ImagePhase.WAIT_RUNNING);
  }

  @Override
  void work(ImageJob job) {
    String id = job.record().machineId();
    job.cloudApi().waitForMachineState(id, MachineState.RUNNING, job.remaining());
    job.update(r -> r.withPhase(ImagePhase.WAIT_GUEST));
  }
}
