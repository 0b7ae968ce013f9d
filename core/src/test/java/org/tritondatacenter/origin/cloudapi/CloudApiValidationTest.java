package org.tritondatacenter.origin.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tritondatacenter.origin.cloudapi.Samples.IMAGE_ID;
import static org.tritondatacenter.origin.cloudapi.Samples.MACHINE_ID;
import static org.tritondatacenter.origin.cloudapi.Samples.PACKAGE_ID;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tritondatacenter.origin.wait.ManualClock;

/** Every bad input is refused with a message naming it, before a request is sent. */
class CloudApiValidationTest {
  @StartStop final MockWebServer server = NoDelayServerSockets.server();

  private CloudApiClient client;

  @BeforeEach
  void createClient() {
    client = CloudApiTestSupport.client(server, new ManualClock());
  }

  @AfterEach
  void nothingWasSent() {
    assertThat(server.getRequestCount()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "build-1", "7b2c51e4-6fa0-4d05-98a2-6a5e1f2c9d1", "../../keys"})
  void machineIds_notUuids_areRefusedNamingTheValue(String id) {
    assertThatThrownBy(() -> client.getMachine(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("machine id '" + id + "' is not a UUID");
  }

  @Test
  void everyIdTakingMethod_nullId_isRefused() {
    List<Runnable> calls =
        List.of(
            () -> client.getImage(null),
            () -> client.deleteImage(null),
            () -> client.exportImage(null, "/alice/stor/x"),
            () -> client.getNetwork(null),
            () -> client.stopMachine(null),
            () -> client.deleteMachine(null),
            () -> client.getMachineMetadata(null, "k"),
            () -> client.listMachineMetadata(null),
            () -> client.listMachineTags(null),
            () -> client.waitForMachineState(null, MachineState.RUNNING, Duration.ofMinutes(1)),
            () -> client.waitForImageState(null, ImageState.ACTIVE, Duration.ofMinutes(1)));
    for (Runnable call : calls) {
      assertThatThrownBy(call::run)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("(null) is not a UUID");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "~~/stor/builds/x",
        "/my/stor/builds/x",
        "/bob/stor/builds/x",
        "alice/stor/x",
        "/alice/jobs/x",
        "/alice/stor/../../bob/stor/x",
        "/alice/stor//x",
        "/alice/stor/./x"
      })
  void exportImage_badMantaPath_isRefusedSayingWhatToWrite(String path) {
    assertThatThrownBy(() -> client.exportImage(IMAGE_ID, path))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("manta path '" + path + "'")
        .hasMessageContaining("/alice/");
  }

  @Test
  void createMachine_nestedOrDroppedMetadataKeys_areRefused() {
    assertThatThrownBy(
            () ->
                CreateMachineRequest.builder(IMAGE_ID, PACKAGE_ID).metadata("root_pw", "x").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("metadata key 'root_pw' ends in _pw");
    assertThatThrownBy(
            () -> CreateMachineRequest.builder(IMAGE_ID, PACKAGE_ID).metadata("-x", "y").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("metadata key '-x' must start with a letter, digit or underscore");
    assertThatThrownBy(
            () -> CreateMachineRequest.builder(IMAGE_ID, PACKAGE_ID).metadata("k", null).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("metadata 'k' has no value");
  }

  @Test
  void createMachine_badTagValueOrPackageName_isRefused() {
    assertThatThrownBy(
            () ->
                CreateMachineRequest.builder(IMAGE_ID, PACKAGE_ID).tag("list", List.of(1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tag 'list' has a value of type")
        .hasMessageContaining("strings, numbers or booleans");
    assertThatThrownBy(() -> CreateMachineRequest.builder(IMAGE_ID, "g4-highcpu-1G").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("package id (resolve a name with getPackage first) 'g4-highcpu-1G'");
    assertThatThrownBy(
            () ->
                CreateMachineRequest.builder(IMAGE_ID, PACKAGE_ID).networks(List.of("ext")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("network id 'ext' is not a UUID");
  }

  @Test
  void createImageFromMachine_missingNameOrBadAcl_isRefused() {
    assertThatThrownBy(() -> CreateImageRequest.builder(MACHINE_ID, " ", "1").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("image name is empty: give a value");
    assertThatThrownBy(
            () -> CreateImageRequest.builder(MACHINE_ID, "n", "1").acl(List.of("bob")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("acl account id 'bob' is not a UUID");
    assertThatThrownBy(() -> CreateImageRequest.builder(MACHINE_ID, "n", "1\n2").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("image version '1?2' contains a control character");
  }

  @Test
  void listMachines_limitOrOffsetOutOfRange_isRefused() {
    assertThatThrownBy(() -> client.listMachines(MachineFilter.none(), 0, 1001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit 1001 is out of range: use 1 to 1000");
    assertThatThrownBy(() -> client.listMachines(MachineFilter.none(), -1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("offset -1 is negative: use 0 or more");
  }

  @Test
  void filters_unknownStatesAndBadOwners_areRefused() {
    assertThatThrownBy(() -> ImageFilter.builder().state(ImageState.UNKNOWN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allStates()");
    assertThatThrownBy(() -> MachineFilter.builder().state(MachineState.UNKNOWN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ImageFilter.builder().owner("alice"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("image owner filter 'alice' is not a UUID");
  }

  @Test
  void waits_noStatesUnknownOrBadTimeout_areRefused() {
    assertThatThrownBy(
            () -> client.waitForMachineState(MACHINE_ID, Set.of(), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no machine state to wait for: give at least one");
    assertThatThrownBy(
            () -> client.waitForImageState(IMAGE_ID, ImageState.UNKNOWN, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot wait for image state unknown");
    assertThatThrownBy(
            () -> client.waitForMachineState(MACHINE_ID, MachineState.RUNNING, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("wait timeout PT0S must be positive");
  }

  @Test
  void metadataAndKeyLookups_blankNames_areRefused() {
    assertThatThrownBy(() -> client.getMachineMetadata(MACHINE_ID, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metadata key is empty: give a value");
    assertThatThrownBy(() -> client.getPackage(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("package id or name is empty: give a value");
    assertThatThrownBy(() -> client.getKey(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key name or fingerprint is empty: give a value");
  }
}
