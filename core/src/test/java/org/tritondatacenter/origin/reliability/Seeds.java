package org.tritondatacenter.origin.reliability;

import java.time.Duration;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.cloudapi.CreateMachineRequest;
import org.tritondatacenter.origin.cloudapi.Machine;
import org.tritondatacenter.origin.cloudapi.MachineState;
import org.tritondatacenter.origin.testkit.LocalTritonOptions;
import org.tritondatacenter.origin.wait.Clock;

/**
 * A local Triton seeded for one origin image, and the machines the client-level tests make from it.
 */
final class Seeds {
  /** The origin, minimal-64-lts 24.4.1, which testkit seeds from {@link #IMAGES_JSON}. */
  static final String ORIGIN = "41bd4100-eb86-409a-85b0-e649aadf6f62";

  /** The image {@link #IMAGES_JSON} builds. */
  static final String IMAGE = "triton-origin-x86_64-24.4.1";

  static final String IMAGES_JSON =
      """
      [{"namePrefix": "triton-origin-x86_64", "desc": "origin on 24.4.1",
        "origin": {"uuid": "%s", "name": "minimal-64-lts", "version": "24.4.1"},
        "pkgsrc": ["coreutils", "curl"], "protoMinMemoryMb": 1024}]
      """
          .formatted(ORIGIN);

  /** Long enough for any simulated transition; a manual or scaled clock makes it cheap. */
  static final Duration WAIT = Duration.ofHours(2);

  private Seeds() {}

  /** Returns options for a local Triton seeded for {@link #IMAGES_JSON}, timed on {@code clock}. */
  static LocalTritonOptions.Builder options(Clock clock) {
    return LocalTritonOptions.builder()
        .seedImagesJson(IMAGES_JSON)
        .imageFileBytes(64 * 1024)
        .clock(clock.asJavaClock());
  }

  /** Returns a request for a machine of the origin in the 1 GiB package. */
  static CreateMachineRequest.Builder machine(CloudApiClient cloud, String name) {
    return CreateMachineRequest.builder(ORIGIN, cloud.getPackage("sample-1G").id()).name(name);
  }

  /** Deletes the machine and waits until CloudAPI answers 410 Gone for it. */
  static void destroy(CloudApiClient cloud, String machineId) {
    cloud.deleteMachine(machineId);
    cloud.waitForMachineState(machineId, MachineState.DELETED, WAIT);
  }

  /** Creates a machine and waits until it runs. */
  static Machine running(CloudApiClient cloud, String name) {
    Machine created = cloud.createMachine(machine(cloud, name).build());
    return cloud.waitForMachineState(created.id(), MachineState.RUNNING, WAIT);
  }
}
