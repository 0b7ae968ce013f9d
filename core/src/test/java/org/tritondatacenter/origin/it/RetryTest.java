package org.tritondatacenter.origin.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.cloudapi.CreateMachineRequest;
import org.tritondatacenter.origin.cloudapi.Machine;
import org.tritondatacenter.origin.cloudapi.MachineFilter;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.imgapi.Compression;
import org.tritondatacenter.origin.imgapi.Image;
import org.tritondatacenter.origin.imgapi.ImageManifest;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.manta.MantaPath;
import org.tritondatacenter.origin.manta.PutObjectResult;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.RequestRecord;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ManualClock;

/**
 * Calls that fail part way: uploads are sent again whole from a re-opened source and verified, a
 * lost read is repeated, and a lost create is not.
 */
class RetryTest {
  private static final ManualClock CLOCK = new ManualClock();

  @RegisterExtension
  static final LocalTritonExtension triton =
      LocalTritonExtension.withOptions(TritonClients.options(CLOCK).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(triton);

  private TritonClients clients;

  @BeforeEach
  void connect() {
    clients = new TritonClients(triton.triton(), CLOCK);
  }

  @Test
  void putObject_twoUnavailableAnswersWithRetryAfter_retriesAndStoresTheRightMd5()
      throws Exception {
    Fault unavailable =
        clients
            .triton
            .faults()
            .add(
                Fault.when(ServiceKind.MANTA, "PutObject")
                    .status(503, "ServiceUnavailable", "no storage nodes")
                    .retryAfter(2)
                    .times(2));
    MantaClient manta = clients.manta();
    MantaPath dir = manta.path("~~/stor/it/retry");
    manta.mkdirp(dir);
    byte[] bytes = MantaObjectTest.bytes(100_000);

    PutObjectResult put =
        manta.putObject(dir.resolve("retried.bin"), ByteSource.ofBytes(bytes, "retried bytes"));

    assertThat(unavailable.fired()).isEqualTo(2);
    assertThat(clients.triton.requests().operation("PutObject"))
        .extracting(RequestRecord::status)
        .containsExactly(503, 503, 204);
    assertThat(clients.sleeps())
        .hasSize(2)
        .allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(2)));
    String md5 = MantaObjectTest.md5Base64(bytes);
    assertThat(put.md5Base64()).isEqualTo(md5);
    assertThat(clients.triton.manta().object(put.path().toString()).orElseThrow().md5())
        .isEqualTo(md5);
    manta.deleteObject(put.path());
    manta.deleteObject(dir);
  }

  @Test
  void addImageFile_connectionResetMidBody_resendsTheWholeFile() {
    int size = 512 * 1024;
    Fault reset =
        clients
            .triton
            .faults()
            .add(
                Fault.when(ServiceKind.IMGAPI, "AddImageFile")
                    .resetAfterBodyBytes(64 * 1024)
                    .times(1));
    ImgapiClient imgapi = clients.imgapi();
    ImageManifest manifest = Manifests.manifest("20260101T000000Z");
    imgapi.adminImportImage(manifest, "dev");
    byte[] file = MantaObjectTest.bytes(size);

    Image image =
        imgapi.addImageFile(
            manifest.uuid(),
            ByteSource.ofBytes(file, "image file"),
            Compression.GZIP,
            Manifests.sha1Hex(file),
            (long) size,
            "dev");

    assertThat(reset.fired()).isEqualTo(1);
    List<RequestRecord> uploads = clients.triton.requests().operation("AddImageFile");
    assertThat(uploads).hasSize(2);
    assertThat(uploads.get(0).requestBytes()).isLessThan(size);
    assertThat(uploads.get(1).requestBytes()).isEqualTo(size);
    assertThat(uploads.get(1).status()).isEqualTo(200);
    assertThat(image.file().sha1()).isEqualTo(Manifests.sha1Hex(file));
    assertThat(clients.triton.imgapi("updates").fileSha1(manifest.uuid()))
        .isEqualTo(Manifests.sha1Hex(file));
    imgapi.deleteImage(manifest.uuid(), "dev", true);
  }

  @Test
  void createMachine_answerLost_isNotSentAgainAndSaysTheMachineMayExist() {
    clients.triton.faults().add(Fault.when(ServiceKind.CLOUDAPI, "CreateMachine").dropResponse());
    CloudApiClient cloud = clients.cloudApi();
    Machines machines = new Machines(cloud);
    CreateMachineRequest request =
        machines.request("it-lost-answer").tag("triton-origin.build", "it-lost").build();

    TritonIoException e =
        catchThrowableOfType(TritonIoException.class, () -> cloud.createMachine(request));

    secrets.record(e);
    assertThat(e.getMessage()).contains("CreateMachine", "not sent again");
    assertThat(clients.triton.requests().count("CreateMachine")).isEqualTo(1);
    // The server did act: the caller finds the machine by its tag, as the client's docs advise.
    List<Machine> found =
        cloud.listMachines(MachineFilter.builder().tag("triton-origin.build", "it-lost").build());
    assertThat(found)
        .singleElement()
        .satisfies(m -> assertThat(m.name()).isEqualTo("it-lost-answer"));
    machines.destroy(found.get(0).id());
  }

  @Test
  void getMachine_answerLostOnce_isRetriedTransparently() {
    CloudApiClient cloud = clients.cloudApi();
    Machines machines = new Machines(cloud);
    Machine machine = cloud.createMachine(machines.request("it-flaky-read").build());
    clients
        .triton
        .faults()
        .add(Fault.when(ServiceKind.CLOUDAPI, "GetMachine").dropResponse().times(1));

    assertThat(cloud.getMachine(machine.id()).id()).isEqualTo(machine.id());

    assertThat(clients.triton.requests().count("GetMachine")).isEqualTo(2);
    assertThat(clients.listener.warnings()).anySatisfy(w -> assertThat(w).contains("retrying"));
    machines.destroy(machine.id());
  }
}
