package org.tritondatacenter.origin.it;

import java.time.Duration;
import java.util.List;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.cloudapi.CreateMachineRequest;
import org.tritondatacenter.origin.cloudapi.Machine;
import org.tritondatacenter.origin.cloudapi.MachineState;
import org.tritondatacenter.origin.images.ImageSpec;

/** Provisions, stops and destroys machines through the client under test. */
final class Machines {
  /** Long enough for any simulated transition; the virtual clock makes it free. */
  static final Duration WAIT = Duration.ofMinutes(10);

  private final CloudApiClient cloud;

  Machines(CloudApiClient cloud) {
    this.cloud = cloud;
  }

  /** Returns the origin image of the last images.json entry, which testkit seeds. */
  static String origin() {
    List<ImageSpec> specs = TritonClients.images().images();
    return specs.get(specs.size() - 1).origin().uuid();
  }

  /** Returns the id of the 1 GiB sample package, the size images.json asks for. */
  String packageId() {
    return cloud.getPackage("sample-1G").id();
  }

  /** Returns a request for a machine from the origin image, named {@code name}. */
  CreateMachineRequest.Builder request(String name) {
    return CreateMachineRequest.builder(origin(), packageId()).name(name);
  }

  /** Creates the machine and waits until it runs. */
  Machine running(CreateMachineRequest request) {
    Machine created = cloud.createMachine(request);
    return cloud.waitForMachineState(created.id(), MachineState.RUNNING, WAIT);
  }

  /** Creates the machine, waits until it runs, stops it and waits until it is stopped. */
  Machine stopped(CreateMachineRequest request) {
    Machine machine = running(request);
    cloud.stopMachine(machine.id());
    return cloud.waitForMachineState(machine.id(), MachineState.STOPPED, WAIT);
  }

  /** Deletes the machine and waits until CloudAPI answers 410 Gone for it. */
  void destroy(String machineId) {
    cloud.deleteMachine(machineId);
    cloud.waitForMachineState(machineId, MachineState.DELETED, WAIT);
  }
}
