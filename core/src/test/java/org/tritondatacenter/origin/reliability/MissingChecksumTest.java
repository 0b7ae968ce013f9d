package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.BuildFailedException;
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
 * R8: an answer that leaves out the checksum (IMGAPI's {@code files[0].sha1}, Manta's {@code
 * computed-md5}) proves nothing, so it is a failure, not a success (java-manta #298): publish
 * activates nothing and rolls the image back, export removes what it wrote.
 */
class MissingChecksumTest {
  private static final ScaledClock CLOCK = ScaledClock.create(Builds.SPEED);

  @RegisterExtension
  static final LocalTritonExtension TRITON =
      LocalTritonExtension.withOptions(LocalOps.options(CLOCK).build());

  @Test
  void publish_imgapiAnswersWithoutSha1_failsAndActivatesNothing() {
    Publishing publishing = new Publishing(TRITON.triton(), CLOCK);
    ExportResult exported = publishing.export();
    LocalTriton triton = publishing.triton();
    triton
        .faults()
        .add(Fault.when(ServiceKind.IMGAPI, "AddImageFile").checksum(Fault.Checksum.OMIT));
    String first = exported.images().get(0).uuid();

    BuildFailedException e =
        catchThrowableOfType(
            BuildFailedException.class,
            () ->
                publishing.publish(
                    publishing.items(exported), FileSourceMode.STREAM, Publishing.record()));

    assertThat(e.getMessage()).contains(first, "failed at 'add file'", "cannot be verified");
    assertThat(triton.requests().count("ActivateImage")).isZero();
    assertThat(triton.imgapi("updates").image(first)).as("rolled back").isEmpty();
  }

  @Test
  void export_mantaAnswersWithoutComputedMd5_failsAndRemovesWhatItWrote() {
    LocalOps ops = new LocalOps(TRITON.triton(), CLOCK);
    BuildResult build = ops.build();
    ops.triton()
        .faults()
        .add(
            Fault.when(ServiceKind.MANTA, "PutObject")
                .matching(x -> x.decodedPath().endsWith(".imgmanifest"))
                .checksum(Fault.Checksum.OMIT));

    BuildFailedException e =
        catchThrowableOfType(
            BuildFailedException.class,
            () ->
                new Export(
                        ops.cloudApi(),
                        ops.manta(),
                        new OriginPlatforms(List.of(ops.updates())),
                        CLOCK,
                        new Events())
                    .run(
                        build,
                        ExportSettings.ofProject("triton-origin-image", true),
                        Publishing.record()));

    assertThat(e.getMessage()).contains("failed at 'rewrite manifest of");
    assertThat(e).rootCause().hasMessageContaining("computed-md5");
    assertThat(ops.triton().manta().exists(ops.buildDir())).isFalse();
  }
}
