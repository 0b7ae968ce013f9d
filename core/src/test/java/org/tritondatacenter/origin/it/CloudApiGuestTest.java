package org.tritondatacenter.origin.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.cloudapi.Machine;
import org.tritondatacenter.origin.testkit.cloudapi.guest.GuestBehaviour;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ManualClock;

/**
 * The guest protocol as the client sees it: a user-script reports its progress through {@code
 * mdata-put} into the machine's customer metadata, which GetMachineMetadata reads back.
 */
class CloudApiGuestTest {
  private static final ManualClock CLOCK = new ManualClock();

  /** A trivial build script: install two packages, report them, report success. */
  private static final String SCRIPT =
      """
      #!/bin/bash
      set -o errexit
      mdata-put triton-origin:status running
      mdata-put triton-origin:step install
      /opt/local/bin/pkgin -y install coreutils curl
      mdata-put triton-origin:pkgs "$(pkgin list | awk '{print $1}')"
      mdata-put triton-origin:step done
      mdata-put triton-origin:status ok
      """;

  @RegisterExtension
  static final LocalTritonExtension triton =
      LocalTritonExtension.withOptions(TritonClients.options(CLOCK).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(triton);

  private TritonClients clients;
  private CloudApiClient cloud;
  private Machines machines;

  @BeforeEach
  void connect() {
    clients = new TritonClients(triton.triton(), CLOCK);
    cloud = clients.cloudApi();
    machines = new Machines(cloud);
  }

  @Test
  void userScript_succeeds_reportsStatusStepAndPackagesThroughMetadata() {
    Machine machine =
        machines.running(machines.request("it-guest").metadata("user-script", SCRIPT).build());

    // Each guest command takes a simulated half minute; let the script finish.
    CLOCK.advance(Duration.ofMinutes(5));

    assertThat(cloud.getMachineMetadata(machine.id(), "triton-origin:status")).hasValue("ok");
    assertThat(cloud.getMachineMetadata(machine.id(), "triton-origin:step")).hasValue("done");
    assertThat(cloud.getMachineMetadata(machine.id(), "triton-origin:pkgs"))
        .hasValueSatisfying(
            pkgs -> assertThat(pkgs.lines()).containsExactly("coreutils-9.4", "curl-8.6.0"));
    assertThat(cloud.getMachineMetadata(machine.id(), "triton-origin:error")).isEmpty();
    machines.destroy(machine.id());
  }

  @Test
  void userScript_installFails_reportsFailedStatusAndTheFailingCommand() {
    clients
        .triton
        .cloud()
        .guest()
        .behaveForNext(1, GuestBehaviour.failAt("install", "pkgin: no route to host\n"));
    Machine machine =
        machines.running(
            machines.request("it-guest-fails").metadata("user-script", SCRIPT).build());

    CLOCK.advance(Duration.ofMinutes(5));

    Map<String, String> metadata = cloud.listMachineMetadata(machine.id());
    assertThat(metadata)
        .containsEntry("triton-origin:status", "failed")
        .containsEntry("triton-origin:step", "install")
        .doesNotContainKey("triton-origin:pkgs");
    assertThat(metadata.get("triton-origin:error"))
        .startsWith("/opt/local/bin/pkgin -y install coreutils curl\n")
        .endsWith("pkgin: no route to host\n");
    machines.destroy(machine.id());
  }
}
