package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.imgapi.Compression;
import org.tritondatacenter.origin.imgapi.ImageManifest;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.ManualClock;

/**
 * R11: an answer that would make an HTTP library send the body again by itself (408, a redirect, a
 * 401 challenge) fails visibly: the body is one-shot, never replayed short or empty behind the
 * caller's back, and the source is opened once.
 */
class BodyReplayTest {
  private static final ManualClock CLOCK = new ManualClock();
  private static final int SIZE = 200_000;

  @RegisterExtension static final LocalTritonExtension TRITON = LocalTritonExtension.withDefaults();

  @Test
  void addImageFile_408_failsVisiblyWithoutSendingTheBodyAgain() {
    LocalTriton triton = TRITON.triton();
    Rig rig = Rig.on(triton, CLOCK, CLOCK);
    ImgapiClient imgapi = rig.updates();
    ImageManifest manifest = Rig.manifest("reliability-r11", "1.0.0");
    imgapi.adminImportImage(manifest, "dev");
    triton
        .faults()
        .add(Fault.when(ServiceKind.IMGAPI, "AddImageFile").status(408, "RequestTimeout", "slow"));
    // Small enough to be sent whole before the 408, which is then read, not a broken pipe.
    int size = 16 * 1024;
    ServerErrorRetryTest.Counted source =
        new ServerErrorRetryTest.Counted(ByteSource.ofBytes(Payloads.bytes(size, 11), "file"));

    TritonApiException e =
        catchThrowableOfType(
            TritonApiException.class,
            () ->
                imgapi.addImageFile(
                    manifest.uuid(), source, Compression.GZIP, null, (long) size, "dev"));

    assertThat(e.httpStatus()).isEqualTo(408);
    assertThat(e.getMessage()).contains("AddImageFile", "HTTP 408");
    assertThat(triton.requests().count("AddImageFile")).isEqualTo(1);
    assertThat(source.opens.get()).isLessThanOrEqualTo(1);
    assertThat(triton.imgapi("updates").image(manifest.uuid()).orElseThrow())
        .as("the image has no file")
        .satisfies(i -> assertThat((java.util.List<?>) i.get("files")).isEmpty());
    imgapi.deleteImage(manifest.uuid(), "dev", true);
  }

  @Test
  void putObject_307ToAnotherHost_isNotFollowedAndTheBodyGoesNowhereElse() {
    LocalTriton triton = TRITON.triton();
    // Another endpoint of the same local Triton stands in for the other host: what reaches it
    // shows in the request log.
    URI elsewhere = triton.imgapiUrl("updates");
    // Manta answers before the body, as the client asked with Expect: 100-continue.
    triton
        .faults()
        .add(
            Fault.when(ServiceKind.MANTA, "PutObject")
                .redirect(307, elsewhere.resolve("/" + triton.account() + "/stor/x.bin")));
    ServerErrorRetryTest.Counted source =
        new ServerErrorRetryTest.Counted(ByteSource.ofBytes(Payloads.bytes(SIZE, 12), "file"));
    MantaClient manta = Rig.on(triton, CLOCK, CLOCK).manta();

    TritonApiException e =
        catchThrowableOfType(
            TritonApiException.class, () -> manta.putObject(manta.path("~~/stor/x.bin"), source));

    assertThat(e.httpStatus()).isEqualTo(307);
    assertThat(e.getMessage())
        .contains("not followed", elsewhere.getHost() + ":" + elsewhere.getPort());
    assertThat(triton.requests().count("PutObject")).isEqualTo(1);
    assertThat(triton.requests().matching(r -> r.kind() == ServiceKind.IMGAPI))
        .as("nothing is sent to the redirect's host")
        .isEmpty();
    assertThat(source.opens.get()).isLessThanOrEqualTo(1);
  }

  @Test
  void putObject_401Challenge_failsVisiblyAndNoEmptyBodyFollows() {
    LocalTriton triton = TRITON.triton();
    // The challenge comes once the body is in, as from a server that checks it only then.
    triton
        .faults()
        .add(
            Fault.when(ServiceKind.MANTA, "PutObject")
                .afterReadingBody()
                .answer(
                    401,
                    "application/json",
                    "{\"code\":\"InvalidSignature\",\"message\":\"signature required\"}")
                .header("WWW-Authenticate", "Signature realm=\"manta\""));
    ServerErrorRetryTest.Counted source =
        new ServerErrorRetryTest.Counted(ByteSource.ofBytes(Payloads.bytes(SIZE, 13), "file"));
    MantaClient manta = Rig.on(triton, CLOCK, CLOCK).manta();

    TritonApiException e =
        catchThrowableOfType(
            TritonApiException.class, () -> manta.putObject(manta.path("~~/stor/x.bin"), source));

    assertThat(e.httpStatus()).isEqualTo(401);
    assertThat(triton.requests().operation("PutObject"))
        .as("no second, replayed request")
        .singleElement()
        .satisfies(only -> assertThat(only.requestBytes()).isIn(0L, (long) SIZE));
    assertThat(source.opens.get()).isLessThanOrEqualTo(1);
    assertThat(triton.manta().exists(manta.path("~~/stor/x.bin").toString())).isFalse();
  }
}
