package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.imgapi.Compression;
import org.tritondatacenter.origin.imgapi.Image;
import org.tritondatacenter.origin.imgapi.ImageManifest;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.manta.MantaPath;
import org.tritondatacenter.origin.manta.PutObjectResult;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.RequestRecord;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.ManualClock;

/**
 * R3: a connection reset after half of an upload's body is followed by exactly one more attempt
 * that sends the whole body from its first byte; what the server stores has the local digests and
 * the local size, neither a duplicate nor the two attempts run together.
 */
class ResetMidBodyTest {
  private static final ManualClock CLOCK = new ManualClock();
  private static final int SIZE = 1024 * 1024;

  @RegisterExtension static final LocalTritonExtension TRITON = LocalTritonExtension.withDefaults();

  enum Upload {
    MANTA_PUT_OBJECT,
    IMGAPI_ADD_IMAGE_FILE
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Upload.class)
  void upload_resetHalfway_sendsTheWholeBodyOnceMoreAndStoresTheLocalDigests(Upload upload) {
    LocalTriton triton = TRITON.triton();
    Rig rig = Rig.on(triton, CLOCK, CLOCK);
    String operation = upload == Upload.MANTA_PUT_OBJECT ? "PutObject" : "AddImageFile";
    ServiceKind kind = upload == Upload.MANTA_PUT_OBJECT ? ServiceKind.MANTA : ServiceKind.IMGAPI;
    Fault reset =
        triton.faults().add(Fault.when(kind, operation).resetAfterBodyBytes(SIZE / 2).times(1));
    byte[] bytes = Payloads.bytes(SIZE, 3);
    ServerErrorRetryTest.Counted source =
        new ServerErrorRetryTest.Counted(ByteSource.ofBytes(bytes, "image file"));

    if (upload == Upload.MANTA_PUT_OBJECT) {
      MantaClient manta = rig.manta();
      MantaPath dir = manta.path("~~/stor/reliability/r3");
      manta.mkdirp(dir);
      PutObjectResult put = manta.putObject(dir.resolve("file.zfs.gz"), source);
      assertThat(put.md5Base64()).isEqualTo(Payloads.md5Base64(bytes));
      assertThat(put.size()).isEqualTo(SIZE);
      var stored = triton.manta().object("/alice/stor/reliability/r3/file.zfs.gz").orElseThrow();
      assertThat(stored.md5()).isEqualTo(Payloads.md5Base64(bytes));
      assertThat(stored.size()).isEqualTo(SIZE);
      assertThat(triton.manta().list("/alice/stor/reliability/r3")).containsExactly("file.zfs.gz");
      manta.deleteObject(dir.resolve("file.zfs.gz"));
      manta.deleteObject(dir);
      manta.deleteObject(dir.parent());
    } else {
      ImgapiClient imgapi = rig.updates();
      ImageManifest manifest = Rig.manifest("reliability-r3", "1.0.0");
      imgapi.adminImportImage(manifest, "dev");
      Image image =
          imgapi.addImageFile(
              manifest.uuid(),
              source,
              Compression.GZIP,
              Payloads.sha1Hex(bytes),
              (long) SIZE,
              "dev");
      assertThat(image.file().sha1()).isEqualTo(Payloads.sha1Hex(bytes));
      assertThat(image.file().size()).isEqualTo(SIZE);
      assertThat(triton.imgapi("updates").fileSha1(manifest.uuid()))
          .isEqualTo(Payloads.sha1Hex(bytes));
      imgapi.deleteImage(manifest.uuid(), "dev", true);
    }

    assertThat(reset.fired()).isEqualTo(1);
    List<RequestRecord> attempts = triton.requests().operation(operation);
    assertThat(attempts).hasSize(2);
    assertThat(attempts.get(0).requestBytes()).isLessThan(SIZE);
    assertThat(attempts.get(1).requestBytes()).isEqualTo(SIZE);
    assertThat(source.opens.get()).isEqualTo(2);
    assertThat(rig.events.warnings())
        .as("one visible retry per reset")
        .filteredOn(w -> w.contains("retrying"))
        .singleElement()
        .asString()
        .contains(operation);
  }
}
