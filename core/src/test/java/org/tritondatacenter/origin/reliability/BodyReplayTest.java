package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.auth.HttpSigner;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.http.Endpoint;
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
 *
 * <p>The 408 runs against testkit; the redirect and the challenge against MockWebServer, because
 * testkit answers neither a {@code Location} nor a {@code WWW-Authenticate} header.
 */
class BodyReplayTest {
  private static final ManualClock CLOCK = new ManualClock();
  private static final int SIZE = 200_000;

  @RegisterExtension static final LocalTritonExtension TRITON = LocalTritonExtension.withDefaults();

  @StartStop final MockWebServer server = new MockWebServer();
  @StartStop final MockWebServer elsewhere = new MockWebServer();

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
  void putObject_307ToAnotherHost_isNotFollowedAndTheBodyGoesNowhereElse() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            // Manta answers before the body, as the client asked with Expect: 100-continue.
            .doNotReadRequestBody()
            .code(307)
            .setHeader("Location", elsewhere.url("/alice/stor/x.bin"))
            .build());
    ServerErrorRetryTest.Counted source =
        new ServerErrorRetryTest.Counted(ByteSource.ofBytes(Payloads.bytes(SIZE, 12), "file"));
    MantaClient manta = manta();

    TritonApiException e =
        catchThrowableOfType(
            TritonApiException.class,
            () -> manta.putObject(manta.path("/alice/stor/x.bin"), source));

    assertThat(e.httpStatus()).isEqualTo(307);
    assertThat(e.getMessage()).contains("not followed", elsewhere.getHostName());
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(elsewhere.getRequestCount()).as("nothing is sent to the redirect's host").isZero();
    assertThat(source.opens.get()).isLessThanOrEqualTo(1);
  }

  @Test
  void putObject_401Challenge_failsVisiblyAndNoEmptyBodyFollows() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .add100Continue()
            .code(401)
            .setHeader("WWW-Authenticate", "Signature realm=\"manta\"")
            .build());
    ServerErrorRetryTest.Counted source =
        new ServerErrorRetryTest.Counted(ByteSource.ofBytes(Payloads.bytes(SIZE, 13), "file"));
    MantaClient manta = manta();

    TritonApiException e =
        catchThrowableOfType(
            TritonApiException.class,
            () -> manta.putObject(manta.path("/alice/stor/x.bin"), source));

    assertThat(e.httpStatus()).isEqualTo(401);
    assertThat(server.getRequestCount()).as("no second, replayed request").isEqualTo(1);
    RecordedRequest only = server.takeRequest();
    assertThat(only.getBodySize()).isIn(0L, (long) SIZE);
    assertThat(source.opens.get()).isLessThanOrEqualTo(1);
  }

  private MantaClient manta() {
    Rig rig = Rig.on(TRITON.triton(), CLOCK, CLOCK);
    HttpSigner signer = HttpSigner.create(Service.MANTA, "alice", null, rig.key, true);
    return MantaClient.create(
        Endpoint.signed(Service.MANTA, server.url("/").uri(), "alice", null, signer::authorization),
        rig.config(),
        signer);
  }
}
