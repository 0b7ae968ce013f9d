package org.tritondatacenter.origin.gc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.auth.HttpSigner;
import org.tritondatacenter.origin.auth.SigningKey;
import org.tritondatacenter.origin.auth.SshKeys;
import org.tritondatacenter.origin.build.BuildTags;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.cloudapi.CreateImageRequest;
import org.tritondatacenter.origin.cloudapi.CreateMachineRequest;
import org.tritondatacenter.origin.cloudapi.ImageState;
import org.tritondatacenter.origin.cloudapi.Machine;
import org.tritondatacenter.origin.cloudapi.MachineState;
import org.tritondatacenter.origin.http.Endpoint;
import org.tritondatacenter.origin.http.HttpConfig;
import org.tritondatacenter.origin.images.BuildIds;
import org.tritondatacenter.origin.imgapi.ImageManifest;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.LocalTritonOptions;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ManualClock;
import org.tritondatacenter.origin.wait.ScaledClock;

/**
 * gc finds what builds left behind by tag, keeps what may still be in use, and removes the rest.
 */
class GarbageCollectorTest {
  private static final ScaledClock CLOCK = ScaledClock.create(1000);
  private static final String ORIGIN = "41bd4100-eb86-409a-85b0-e649aadf6f62";
  private static final String SEED =
      """
      [{"namePrefix": "triton-origin-x86_64", "desc": "d", "pkgsrc": ["curl"],
        "origin": {"uuid": "%s", "name": "minimal-64-lts", "version": "24.4.1"},
        "protoMinMemoryMb": 1024}]
      """
          .formatted(ORIGIN);

  @RegisterExtension
  static final LocalTritonExtension TRITON =
      LocalTritonExtension.withOptions(
          LocalTritonOptions.builder().seedImagesJson(SEED).clock(CLOCK.asJavaClock()).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(TRITON);

  private final HttpConfig config = HttpConfig.builder().clock(CLOCK).sleeper(CLOCK).build();

  private SigningKey key(LocalTriton t) {
    return SshKeys.parse(t.rsaKey().privateKeyText(), null, "the testkit key");
  }

  private CloudApiClient cloudApi(LocalTriton t) {
    return CloudApiClient.create(
        CloudApiClient.signedEndpoint(t.cloudApiUrl(), t.account(), null, key(t), true), config);
  }

  private ImgapiClient updates(LocalTriton t) {
    HttpSigner signer = HttpSigner.create(Service.IMGAPI, t.account(), null, key(t), false);
    return ImgapiClient.create(
        Endpoint.signed(
            Service.IMGAPI, t.imgapiUrl("updates"), t.account(), null, signer::authorization),
        config);
  }

  /** Makes a machine as a build that died would have left it. */
  private static Machine leakMachine(CloudApiClient cloudApi, String buildId) {
    String pkg = cloudApi.listPackages().get(0).id();
    return cloudApi.createMachine(
        CreateMachineRequest.builder(ORIGIN, pkg)
            .name("triton-origin-" + buildId + "-1")
            .tag(BuildTags.BUILD, buildId)
            .tag(BuildTags.TEMPORARY, true)
            .tag(BuildTags.IMAGE, "triton-origin-x86_64-24.4.1")
            .build());
  }

  private static ManualClock hoursLater(long hours) {
    return new ManualClock(CLOCK.now().plus(Duration.ofHours(hours)));
  }

  @Test
  void run_leakedMachine_isKeptWhileYoungAndDeletedOnceOld() {
    LocalTriton t = TRITON.triton();
    CloudApiClient cloudApi = cloudApi(t);
    String buildId = BuildIds.next(CLOCK.now());
    Machine machine = leakMachine(cloudApi, buildId);

    GcReport young =
        GarbageCollector.builder(cloudApi)
            .deleteTimeout(Duration.ofHours(1))
            .clock(CLOCK)
            .build()
            .run(true);

    assertThat(young.found()).extracting(Leftover::id).containsExactly(machine.id());
    assertThat(young.deleted()).isEmpty();
    assertThat(young.kept())
        .singleElement()
        .satisfies(k -> assertThat(k.reason()).contains("younger than 6h"));

    GcReport listing =
        GarbageCollector.builder(cloudApi)
            .deleteTimeout(Duration.ofHours(1))
            .clock(hoursLater(7))
            .build()
            .run(false);
    assertThat(listing.deleted()).isEmpty();
    assertThat(listing.removable()).extracting(Leftover::id).containsExactly(machine.id());
    assertThat(cloudApi.getMachine(machine.id()).state()).isNotEqualTo(MachineState.DELETED);

    GcReport old =
        GarbageCollector.builder(cloudApi)
            .deleteTimeout(Duration.ofHours(1))
            .clock(hoursLater(7))
            .build()
            .run(true);

    assertThat(old.deleted())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.kind()).isEqualTo(Leftover.Kind.MACHINE);
              assertThat(l.buildId()).isEqualTo(buildId);
            });
    assertThat(cloudApi.getMachine(machine.id()).state()).isEqualTo(MachineState.DELETED);
    assertThat(old.toMap()).extractingByKey("deleted").asList().hasSize(1);
  }

  @Test
  void run_buildStillRunningByItsRecord_isNeverTouched() {
    LocalTriton t = TRITON.triton();
    CloudApiClient cloudApi = cloudApi(t);
    String buildId = BuildIds.next(CLOCK.now());
    Machine machine = leakMachine(cloudApi, buildId);
    String record =
        """
        {"schema": 1, "build": {"buildId": "%s", "branch": "master",
         "timestamp": "20260101T120000Z", "gitCommit": "0123456", "version": "1.0.0",
         "status": "running", "images": []}}
        """
            .formatted(buildId);

    GcReport report =
        GarbageCollector.builder(cloudApi)
            .deleteTimeout(Duration.ofHours(1))
            .clock(hoursLater(48))
            .runRecords(List.of(record, "not a record"))
            .build()
            .run(true);

    assertThat(report.deleted()).isEmpty();
    assertThat(report.kept())
        .singleElement()
        .satisfies(k -> assertThat(k.reason()).contains("still running"));

    cloudApi.deleteMachine(machine.id());
    cloudApi.waitForMachineState(machine.id(), MachineState.DELETED, Duration.ofHours(1));
  }

  @Test
  void run_failedDatacenterImageAndUnactivatedImgapiImage_areFoundAndDeleted() {
    LocalTriton t = TRITON.triton();
    CloudApiClient cloudApi = cloudApi(t);
    ImgapiClient updates = updates(t);
    String buildId = BuildIds.next(CLOCK.now().minus(Duration.ofHours(8)));
    Machine machine = leakMachine(cloudApi, buildId);
    cloudApi.waitForMachineState(machine.id(), MachineState.RUNNING, Duration.ofHours(1));
    cloudApi.stopMachine(machine.id());
    cloudApi.waitForMachineState(machine.id(), MachineState.STOPPED, Duration.ofHours(1));
    t.cloud().failNextImageCreation("PrepareImageDidNotRun", "injected");
    String failedImage =
        cloudApi
            .createImageFromMachine(
                CreateImageRequest.builder(machine.id(), "triton-origin-x86_64-24.4.1", "1.0.0")
                    .tag(BuildTags.BUILD, buildId)
                    .build())
            .image()
            .id();
    cloudApi.waitForImageState(
        failedImage, java.util.Set.of(ImageState.FAILED), Duration.ofHours(1));
    String unactivated = "7c4b0f3e-2d1a-4e5f-8a9b-0c1d2e3f4a5b";
    updates.adminImportImage(
        ImageManifest.parse(
            """
            {"v": 2, "uuid": "%s", "name": "triton-origin-x86_64-24.4.1", "version": "1.0.0",
             "type": "zone-dataset", "os": "smartos", "tags": {"triton-origin.build": "%s"}}
            """
                .formatted(unactivated, buildId),
            "test"),
        "experimental");

    GcReport report =
        GarbageCollector.builder(cloudApi)
            .deleteTimeout(Duration.ofHours(1))
            .imgapi(updates)
            .clock(CLOCK)
            .build()
            .run(true);

    assertThat(report.found())
        .extracting(Leftover::kind, Leftover::id)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(Leftover.Kind.MACHINE, machine.id()),
            org.assertj.core.groups.Tuple.tuple(Leftover.Kind.DATACENTER_IMAGE, failedImage),
            org.assertj.core.groups.Tuple.tuple(Leftover.Kind.IMGAPI_IMAGE, unactivated));
    // The machine is young by its own creation time, however old its build id says it is.
    assertThat(report.kept()).extracting(k -> k.leftover().id()).containsExactly(machine.id());
    assertThat(report.deleted())
        .extracting(Leftover::id)
        .containsExactlyInAnyOrder(failedImage, unactivated);
    assertThat(report.failed()).isEmpty();
    assertThat(t.imgapi("updates").image(unactivated)).isEmpty();
    try {
      cloudApi.getImage(failedImage);
      throw new AssertionError("the failed image is still there");
    } catch (TritonApiException e) {
      assertThat(e.isNotFound()).isTrue();
    }

    cloudApi.deleteMachine(machine.id());
    cloudApi.waitForMachineState(machine.id(), MachineState.DELETED, Duration.ofHours(1));
  }
}
