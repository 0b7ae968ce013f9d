package org.tritondatacenter.origin.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.cloudapi.CreateMachineRequest;
import org.tritondatacenter.origin.cloudapi.Image;
import org.tritondatacenter.origin.cloudapi.ImageFilter;
import org.tritondatacenter.origin.cloudapi.ImageState;
import org.tritondatacenter.origin.cloudapi.Machine;
import org.tritondatacenter.origin.cloudapi.MachineFilter;
import org.tritondatacenter.origin.cloudapi.MachineState;
import org.tritondatacenter.origin.cloudapi.Network;
import org.tritondatacenter.origin.cloudapi.Package;
import org.tritondatacenter.origin.cloudapi.Services;
import org.tritondatacenter.origin.images.ImageSpec;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ManualClock;

/** CloudAPI reads, and a machine's life from CreateMachine to 410 Gone, over real HTTP. */
class CloudApiLifecycleTest {
  private static final ManualClock CLOCK = new ManualClock();

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
  void listImages_seededFromImagesJson_showsEveryOriginActive() {
    List<Image> images = cloud.listImages();

    List<ImageSpec> specs = TritonClients.images().images();
    assertThat(specs).isNotEmpty();
    for (ImageSpec spec : specs) {
      ImageSpec.Origin origin = spec.origin();
      assertThat(images)
          .filteredOn(i -> i.id().equals(origin.uuid()))
          .singleElement()
          .satisfies(
              i -> {
                assertThat(i.name()).isEqualTo(origin.name());
                assertThat(i.version()).isEqualTo(origin.version());
                assertThat(i.state()).isEqualTo(ImageState.ACTIVE);
              });
      Image one = cloud.getImage(origin.uuid());
      assertThat(one.name()).isEqualTo(origin.name());
      assertThat(one.files()).singleElement().satisfies(f -> assertThat(f.sha1()).hasSize(40));
    }
    ImageSpec.Origin last = specs.get(specs.size() - 1).origin();
    assertThat(
            cloud.listImages(
                ImageFilter.builder().name(last.name()).version(last.version()).build()))
        .extracting(Image::id)
        .containsExactly(last.uuid());
  }

  @Test
  void accountReads_seededDatacenter_describePackagesNetworksAndServices() {
    List<Package> packages = cloud.listPackages();
    assertThat(packages).extracting(Package::name).contains("sample-512M", "sample-1G");
    Package oneGig = cloud.getPackage("sample-1G");
    assertThat(oneGig.memory()).isEqualTo(1024L);
    assertThat(packages).extracting(Package::id).contains(oneGig.id());

    Network external =
        assertThat(cloud.listNetworks())
            .filteredOn(n -> "external".equals(n.name()))
            .singleElement()
            .actual();
    assertThat(external.isPublic()).isTrue();
    assertThat(cloud.getNetwork(external.id()).name()).isEqualTo("external");

    Services services = cloud.listServices();
    assertThat(services.url("cloudapi")).hasValue(clients.triton.cloudApiUrl().toString());
    assertThat(services.manta()).hasValue(clients.triton.mantaUrl().toString());
  }

  @Test
  void createMachine_flatMetadataAndTags_runsStopsAndIsGoneAfterDelete() {
    Instant start = CLOCK.now();
    Machine created =
        cloud.createMachine(
            CreateMachineRequest.builder(Machines.origin(), machines.packageId())
                .name("it-build-{{shortId}}")
                .metadata("purpose", "integration")
                .metadata("user-script", "#!/bin/bash\necho hello\n")
                .tag("triton-origin.build", "it-1")
                .tag("attempt", 1)
                .tag("ephemeral", true)
                .build());
    assertThat(created.state()).isEqualTo(MachineState.PROVISIONING);
    assertThat(created.name()).startsWith("it-build-").hasSize("it-build-".length() + 8);

    Machine running = cloud.waitForMachineState(created.id(), MachineState.RUNNING, minutes(10));

    assertThat(running.primaryIp()).isNotNull();
    assertThat(running.nics()).isNotEmpty();
    // The wait ran on the virtual clock: a minute of provisioning passed in no real time.
    assertThat(Duration.between(start, CLOCK.now()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(60))
        .isLessThan(Duration.ofMinutes(3));
    assertThat(clients.triton.requests().count("GetMachine")).isBetween(2, 12);

    assertThat(cloud.getMachineMetadata(created.id(), "purpose")).hasValue("integration");
    assertThat(cloud.getMachineMetadata(created.id(), "no-such-key")).isEmpty();
    assertThat(cloud.listMachineMetadata(created.id()))
        .containsEntry("purpose", "integration")
        .containsEntry("user-script", "#!/bin/bash\necho hello\n");
    assertThat(cloud.listMachineTags(created.id()))
        .containsEntry("triton-origin.build", "it-1")
        .containsEntry("attempt", 1)
        .containsEntry("ephemeral", true);
    assertThat(
            cloud.listMachines(MachineFilter.builder().tag("triton-origin.build", "it-1").build()))
        .extracting(Machine::id)
        .containsExactly(created.id());

    cloud.stopMachine(created.id());
    assertThat(cloud.waitForMachineState(created.id(), MachineState.STOPPED, minutes(10)).state())
        .isEqualTo(MachineState.STOPPED);

    assertThat(cloud.deleteMachine(created.id())).isTrue();
    cloud.waitForMachineState(created.id(), MachineState.DELETED, minutes(10));
    Machine gone = cloud.getMachine(created.id());
    assertThat(gone.state()).isEqualTo(MachineState.DELETED);
    assertThat(gone.id()).isEqualTo(created.id());
    assertThat(cloud.deleteMachine(created.id())).as("410 on a second delete").isFalse();
  }

  private static Duration minutes(int n) {
    return Duration.ofMinutes(n);
  }
}
