package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.auth.HttpSigner;
import org.tritondatacenter.origin.http.ApiClient;
import org.tritondatacenter.origin.http.ApiRequest;
import org.tritondatacenter.origin.http.ApiResponse;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.http.DigestAlgorithm;
import org.tritondatacenter.origin.http.Digests;
import org.tritondatacenter.origin.http.Endpoint;
import org.tritondatacenter.origin.imgapi.Compression;
import org.tritondatacenter.origin.imgapi.Image;
import org.tritondatacenter.origin.imgapi.ImageManifest;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.ManualClock;

/**
 * R10: the first attempt of an upload dies after 1 MiB; the digests the successful retry reports
 * are those of the file alone, as {@code sha1sum} and {@code md5sum} compute them, not of the first
 * MiB followed by the file (java-manta #280).
 */
class DigestResetOnRetryTest {
  private static final ManualClock CLOCK = new ManualClock();
  private static final int MIB = 1024 * 1024;

  @RegisterExtension static final LocalTritonExtension TRITON = LocalTritonExtension.withDefaults();

  @TempDir Path temp;

  private Path file(long seed) throws Exception {
    Path file = temp.resolve("image.zfs.gz");
    Files.write(file, Payloads.bytes(3 * MIB, seed));
    return file;
  }

  @Test
  void put_firstAttemptCutAfterOneMebibyte_sentDigestsAreTheFilesAlone() throws Exception {
    LocalTriton triton = TRITON.triton();
    Rig rig = Rig.on(triton, CLOCK, CLOCK);
    Path file = file(10);
    byte[] bytes = Files.readAllBytes(file);
    MantaClient manta = rig.manta();
    manta.mkdirp(manta.path("~~/stor/reliability"));
    triton
        .faults()
        .add(Fault.when(ServiceKind.MANTA, "PutObject").resetAfterBodyBytes(MIB).times(1));
    HttpSigner signer = HttpSigner.create(Service.MANTA, rig.login(), null, rig.key, true);
    ApiClient api =
        ApiClient.create(
            Endpoint.signed(
                Service.MANTA, triton.mantaUrl(), rig.login(), null, signer::authorization),
            rig.config());

    Digests sent;
    try (ApiResponse response =
        api.open(
            ApiRequest.put("PutObject")
                .slashPath("/alice/stor/reliability/r10.zfs.gz")
                .body(ByteSource.ofFile(file), "application/octet-stream")
                .digests(DigestAlgorithm.SHA1, DigestAlgorithm.MD5)
                .build())) {
      assertThat(response.attempts()).isEqualTo(2);
      sent = response.sent();
    }

    assertThat(sent.bytes()).isEqualTo(3L * MIB);
    assertThat(sent.sha1Hex()).isEqualTo(Payloads.sha1Hex(bytes));
    assertThat(java.util.Base64.getEncoder().encodeToString(sent.md5()))
        .isEqualTo(Payloads.md5Base64(bytes));
    assertThat(triton.manta().object("/alice/stor/reliability/r10.zfs.gz").orElseThrow().md5())
        .isEqualTo(Payloads.md5Base64(bytes));
    manta.deleteObject(manta.path("~~/stor/reliability/r10.zfs.gz"));
    manta.deleteObject(manta.path("~~/stor/reliability"));
  }

  @Test
  void addImageFile_firstAttemptCutAfterOneMebibyte_verifiesAgainstTheFilesSha1() throws Exception {
    LocalTriton triton = TRITON.triton();
    Rig rig = Rig.on(triton, CLOCK, CLOCK);
    Path file = file(11);
    byte[] bytes = Files.readAllBytes(file);
    triton
        .faults()
        .add(Fault.when(ServiceKind.IMGAPI, "AddImageFile").resetAfterBodyBytes(MIB).times(1));
    ImgapiClient imgapi = rig.updates();
    ImageManifest manifest = Rig.manifest("reliability-r10", "1.0.0");
    imgapi.adminImportImage(manifest, "dev");

    // The client compares IMGAPI's sha1 with the one it computed while sending: a digest still
    // holding the first attempt's MiB would fail here as a mismatch.
    Image image =
        imgapi.addImageFile(
            manifest.uuid(), ByteSource.ofFile(file), Compression.GZIP, null, null, "dev");

    assertThat(triton.requests().count("AddImageFile")).isEqualTo(2);
    assertThat(image.file().sha1()).isEqualTo(Payloads.sha1Hex(bytes));
    assertThat(image.file().size()).isEqualTo(3L * MIB);
    imgapi.deleteImage(manifest.uuid(), "dev", true);
  }
}
