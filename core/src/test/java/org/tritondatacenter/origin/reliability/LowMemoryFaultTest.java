package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.http.Throughput;
import org.tritondatacenter.origin.imgapi.Compression;
import org.tritondatacenter.origin.imgapi.Image;
import org.tritondatacenter.origin.imgapi.ImageManifest;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.manta.MantaInputStream;
import org.tritondatacenter.origin.manta.MantaPath;
import org.tritondatacenter.origin.manta.PutObjectResult;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.ManualClock;

/**
 * R28: the faults of R3 and R6 under a 64 MiB heap (core's pom runs the {@code low-memory} tag in
 * its own JVM with {@code -Xmx64m}), with the local Triton in the same heap. A 128 MiB upload cut
 * half-way and sent again, and a body that drips, end as they should without an {@link
 * OutOfMemoryError}: nothing holds a body whole, whatever its size or fate.
 */
@Tag("low-memory")
class LowMemoryFaultTest {
  private static final ManualClock CLOCK = new ManualClock();
  private static final long SIZE = 128L * 1024 * 1024;
  private static Payloads.Digests expected;

  @RegisterExtension static final LocalTritonExtension TRITON = LocalTritonExtension.withDefaults();

  @BeforeEach
  void heapIsTooSmallToHoldTheBody() throws Exception {
    // Without -Xmx64m the test would prove nothing; fail loudly rather than pass quietly.
    assertThat(Runtime.getRuntime().maxMemory())
        .as("max heap; run with the low-memory surefire execution (-Xmx64m)")
        .isLessThan(SIZE);
    if (expected == null) {
      expected = Payloads.digestsOf(Payloads.generated(SIZE, 28));
    }
  }

  @Test
  void putObject_128MiBCutHalfwayUnder64MiBHeap_isSentAgainWholeWithTheRightMd5() {
    LocalTriton triton = TRITON.triton();
    Rig rig = Rig.on(triton, CLOCK, CLOCK);
    MantaClient manta = rig.manta();
    MantaPath path = manta.path("~~/stor/reliability/big.zfs.gz");
    manta.mkdirp(path.parent());
    triton
        .faults()
        .add(Fault.when(ServiceKind.MANTA, "PutObject").resetAfterBodyBytes(SIZE / 2).times(1));
    Payloads.Generated source = Payloads.generated(SIZE, 28);

    PutObjectResult put = manta.putObject(path, source);

    assertThat(source.opens()).isEqualTo(2);
    assertThat(put.size()).isEqualTo(SIZE);
    assertThat(put.md5Base64()).isEqualTo(expected.md5Base64());
    assertThat(triton.manta().object(path.toString()).orElseThrow().md5())
        .isEqualTo(expected.md5Base64());
    manta.deleteObject(path);
    manta.deleteObject(path.parent());
  }

  @Test
  void addImageFile_128MiBCutHalfwayUnder64MiBHeap_isSentAgainWholeWithTheRightSha1() {
    LocalTriton triton = TRITON.triton();
    ImgapiClient imgapi = Rig.on(triton, CLOCK, CLOCK).updates();
    ImageManifest manifest = Rig.manifest("reliability-r28", "1.0.0");
    imgapi.adminImportImage(manifest, "dev");
    triton
        .faults()
        .add(Fault.when(ServiceKind.IMGAPI, "AddImageFile").resetAfterBodyBytes(SIZE / 2).times(1));

    Image image =
        imgapi.addImageFile(
            manifest.uuid(),
            Payloads.generated(SIZE, 28),
            Compression.GZIP,
            expected.sha1Hex(),
            SIZE,
            "dev");

    assertThat(image.file().sha1()).isEqualTo(expected.sha1Hex());
    assertThat(triton.requests().count("AddImageFile")).isEqualTo(2);
    imgapi.deleteImage(manifest.uuid(), "dev", true);
  }

  @Test
  void getObject_dripUnder64MiBHeap_failsAsTooSlow() {
    LocalTriton triton = TRITON.triton();
    MantaClient manta =
        Rig.on(triton, CLOCK, CLOCK)
            .with(c -> c.minimumThroughput(new Throughput(64 * 1024, Duration.ofMillis(500))))
            .manta();
    MantaPath path = manta.path("~~/stor/drip.bin");
    manta.putObject(path, Payloads.generated(4 * 1024 * 1024, 29));
    // 1 KiB every 100 ms.
    triton.faults().add(Fault.when(ServiceKind.MANTA, "GetObject").throttleResponse(10 * 1024));

    TritonIoException e =
        catchThrowableOfType(
            TritonIoException.class,
            () -> {
              try (MantaInputStream in = manta.getObject(path)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
              }
            });

    assertThat(e.getMessage()).contains("too slow");
    triton.faults().clear();
    manta.deleteObject(path);
  }
}
