package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.BuildFailedException;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.export.Export;
import org.tritondatacenter.origin.export.ExportSettings;
import org.tritondatacenter.origin.export.OriginPlatforms;
import org.tritondatacenter.origin.operations.LocalOps;
import org.tritondatacenter.origin.publish.FileSourceMode;
import org.tritondatacenter.origin.steps.BuildResult;
import org.tritondatacenter.origin.steps.ExportResult;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

/**
 * R7: when the server reports another digest than the bytes sent have (IMGAPI's {@code
 * files[0].sha1}, Manta's {@code computed-md5}), the transfer fails as a checksum mismatch naming
 * both digests; nothing is activated, the unactivated image is deleted, and export removes what it
 * wrote. The upload is sent at most twice.
 */
class ChecksumMismatchTest {
  private static final ScaledClock CLOCK = ScaledClock.create(Builds.SPEED);

  @RegisterExtension
  static final LocalTritonExtension TRITON =
      LocalTritonExtension.withOptions(LocalOps.options(CLOCK).build());

  @Test
  void publish_imgapiRecordsAnotherSha1_failsNamingBothAndRollsTheImageBack() {
    Publishing publishing = new Publishing(TRITON.triton(), CLOCK);
    ExportResult exported = publishing.export();
    LocalTriton triton = publishing.triton();
    triton
        .faults()
        .add(Fault.when(ServiceKind.IMGAPI, "AddImageFile").checksum(Fault.Checksum.WRONG));
    String first = exported.images().get(0).uuid();

    BuildFailedException e =
        catchThrowableOfType(
            BuildFailedException.class,
            () ->
                publishing.publish(
                    publishing.items(exported), FileSourceMode.STREAM, Publishing.record()));

    assertThat(e.getMessage()).contains(first, "failed at 'add file'");
    TritonIoException mismatch = (TritonIoException) e.getCause();
    assertThat(mismatch.getMessage()).containsPattern("IMGAPI recorded SHA-1 [0-9a-f]{40}");
    assertThat(mismatch.getMessage()).containsPattern("the bytes sent have SHA-1 [0-9a-f]{40}");
    assertThat(triton.requests().count("AddImageFile")).isBetween(1, 2);
    assertThat(triton.requests().count("ActivateImage")).isZero();
    assertThat(triton.imgapi("updates").image(first)).as("rolled back").isEmpty();
    assertThat(publishing.events.warnings()).noneMatch(w -> w.contains("verification"));
  }

  @Test
  void export_mantaComputesAnotherMd5_failsNamingBothAndRemovesWhatItWrote() {
    LocalOps ops = new LocalOps(TRITON.triton(), CLOCK);
    BuildResult build = ops.build();
    LocalTriton triton = ops.triton();
    triton
        .faults()
        .add(
            Fault.when(ServiceKind.MANTA, "PutObject")
                .matching(x -> x.decodedPath().endsWith(".imgmanifest"))
                .checksum(Fault.Checksum.WRONG));
    Events events = new Events();

    BuildFailedException e =
        catchThrowableOfType(
            BuildFailedException.class,
            () ->
                new Export(
                        ops.cloudApi(),
                        ops.manta(),
                        new OriginPlatforms(List.of(ops.updates())),
                        CLOCK,
                        events)
                    .run(
                        build,
                        ExportSettings.ofProject("triton-origin-image", true),
                        Publishing.record()));

    assertThat(e.getMessage()).contains("failed at 'rewrite manifest of");
    assertThat(e)
        .rootCause()
        .hasMessageContaining("PutObject")
        .hasMessageContaining("Manta computed MD5")
        .hasMessageContaining("bytes sent from")
        .hasMessageContaining("have MD5");
    assertThat(triton.manta().exists(ops.buildDir())).as("nothing half-written").isFalse();
  }
}
