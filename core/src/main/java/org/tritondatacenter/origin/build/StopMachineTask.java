package org.tritondatacenter.origin.build;

import org.tritondatacenter.origin.cloudapi.Machine;
import org.tritondatacenter.origin.cloudapi.MachineState;

/**
 * Stops the machine once its script has finished: CreateImageFromMachine wants a stopped machine,
 * and the script never powers it off itself.
 */
final class StopMachineTask extends BuildTask {
  StopMachineTask() {
    super("stop machine", ImagePhase.STOP);
  }

  @Override
  void work(ImageJob job) {
    String id = job.record().machineId();
    Machine machine = job.cloudApi().getMachine(id);
    if (machine.state() != MachineState.STOPPED) {
      // Asking a stopping machine to stop again changes nothing, which makes a re-run safe.
      job.cloudApi().stopMachine(id);
      job.cloudApi().waitForMachineState(id, MachineState.STOPPED, job.remaining());
    }
    job.update(r -> r.withPhase(ImagePhase.CREATE_IMAGE));
  }
}
