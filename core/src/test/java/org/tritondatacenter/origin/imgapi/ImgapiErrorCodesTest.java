package org.tritondatacenter.origin.imgapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.tritondatacenter.origin.imgapi.TestClients.UUID;
import static org.tritondatacenter.origin.imgapi.TestClients.error;
import static org.tritondatacenter.origin.imgapi.TestClients.json;

import java.net.URI;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.wait.ManualClock;

/** One test per IMGAPI error code a caller acts on: surfaced with its code, never retried. */
class ImgapiErrorCodesTest {
  private static final byte[] FILE = {1, 2, 3, 4};

  @StartStop final MockWebServer server = new MockWebServer();
  private final ManualClock clock = new ManualClock();

  private ImgapiClient client() {
    return TestClients.signed(server, TestClients.config(clock));
  }

  private static ImageManifest manifest() {
    return ImageManifest.parse(
        Fixtures.text("cloudapi-export.imgmanifest"), "cloudapi-export.imgmanifest");
  }

  private TritonApiException failure(Runnable call) {
    TritonApiException e = catchThrowableOfType(TritonApiException.class, call::run);
    assertThat(e).as("a TritonApiException").isNotNull();
    assertThat(server.getRequestCount()).as("sent once, not retried").isEqualTo(1);
    assertThat(clock.sleeps()).isEmpty();
    return e;
  }

  @Test
  void adminImportImage_uuidExists_surfaces409ImageUuidAlreadyExists() {
    server.enqueue(error(409, "ImageUuidAlreadyExists", "image uuid " + UUID + " already exists"));

    TritonApiException e = failure(() -> client().adminImportImage(manifest(), "experimental"));

    assertThat(e.hasCode(ImgapiErrors.IMAGE_UUID_ALREADY_EXISTS)).isTrue();
    assertThat(e.httpStatus()).isEqualTo(409);
    assertThat(e)
        .hasMessage(
            "IMGAPI AdminImportImage failed: HTTP 409 ImageUuidAlreadyExists: image uuid "
                + UUID
                + " already exists");
  }

  @Test
  void adminImportImage_originMissing_surfacesOriginDoesNotExist() {
    server.enqueue(
        error(422, "OriginDoesNotExist", "origin d38ea2f4-2a0f-4c4b-8c1f-6d1e9f2b7a35 not found"));

    TritonApiException e = failure(() -> client().adminImportImage(manifest(), "dev"));

    assertThat(e.hasCode(ImgapiErrors.ORIGIN_DOES_NOT_EXIST)).isTrue();
    assertThat(e.httpStatus()).isEqualTo(422);
    assertThat(e).hasMessageContaining("d38ea2f4-2a0f-4c4b-8c1f-6d1e9f2b7a35");
  }

  @Test
  void activateImage_twice_surfacesImageAlreadyActivated() {
    server.enqueue(error(422, "ImageAlreadyActivated", "image is already activated"));

    TritonApiException e = failure(() -> client().activateImage(UUID, "dev"));

    assertThat(e.hasCode(ImgapiErrors.IMAGE_ALREADY_ACTIVATED)).isTrue();
    assertThat(e.operation()).isEqualTo("ActivateImage");
  }

  @Test
  void activateImage_beforeAFile_surfacesNoActivationNoFile() {
    server.enqueue(error(422, "NoActivationNoFile", "image does not have a file"));

    TritonApiException e = failure(() -> client().activateImage(UUID, "dev"));

    assertThat(e.hasCode(ImgapiErrors.NO_ACTIVATION_NO_FILE)).isTrue();
    assertThat(e.httpStatus()).isEqualTo(422);
  }

  @Test
  void addImageFile_activeImage_surfacesImageFilesImmutable() {
    server.enqueue(error(422, "ImageFilesImmutable", "cannot modify files of activated image"));

    TritonApiException e =
        failure(
            () ->
                client()
                    .addImageFile(
                        UUID, ByteSource.ofBytes(FILE, "f"), Compression.GZIP, null, null, "dev"));

    assertThat(e.hasCode(ImgapiErrors.IMAGE_FILES_IMMUTABLE)).isTrue();
    assertThat(e.operation()).isEqualTo("AddImageFile");
  }

  @Test
  void addImageFile_sha1Mismatch_surfaces400Download() {
    server.enqueue(error(400, "Download", "sha1 mismatch"));

    TritonApiException e =
        failure(
            () ->
                client()
                    .addImageFile(
                        UUID,
                        ByteSource.ofBytes(FILE, "f"),
                        Compression.GZIP,
                        "0".repeat(40),
                        null,
                        "dev"));

    assertThat(e.hasCode(ImgapiErrors.DOWNLOAD)).isTrue();
    assertThat(e.httpStatus()).isEqualTo(400);
  }

  @Test
  void addImageFileFromUrl_remoteNon200_surfaces400Download() {
    server.enqueue(error(400, "Download", "unexpected status code 404"));

    TritonApiException e =
        failure(
            () ->
                client()
                    .addImageFileFromUrl(
                        UUID, URI.create("https://m.example.com/a/x.gz"), null, null, "dev"));

    assertThat(e.hasCode(ImgapiErrors.DOWNLOAD)).isTrue();
    assertThat(e.operation()).isEqualTo("AddImageFileFromUrl");
  }

  @Test
  void listImages_unknownChannel_surfacesValidationFailedNamingTheField() {
    server.enqueue(
        json(
            422,
            "{\"code\":\"ValidationFailed\",\"message\":\"invalid channel\",\"errors\":"
                + "[{\"field\":\"channel\",\"code\":\"Invalid\",\"message\":\"unknown channel\"}]}"));

    TritonApiException e =
        failure(() -> client().listImages(ImageQuery.builder().channel("nightly").build()));

    assertThat(e.hasCode(ImgapiErrors.VALIDATION_FAILED)).isTrue();
    assertThat(e).hasMessageContaining("channel: Invalid unknown channel");
  }

  @Test
  void getImage_wrongChannel_surfacesResourceNotFound() {
    server.enqueue(error(404, "ResourceNotFound", "image not found"));

    TritonApiException e = failure(() -> client().getImage(UUID, "release"));

    assertThat(e.hasCode(ImgapiErrors.RESOURCE_NOT_FOUND)).isTrue();
    assertThat(e.isNotFound()).isTrue();
  }

  @Test
  void ping_refusedKey_surfaces401SayingWhatToCheck() {
    server.enqueue(error(401, "UnauthorizedError", "Unauthorized"));

    TritonApiException e = failure(() -> client().ping());

    assertThat(e.httpStatus()).isEqualTo(401);
    assertThat(e.getCause()).isInstanceOf(TritonApiException.class);
    assertThat(e)
        .hasMessageStartingWith("IMGAPI Ping failed: HTTP 401 UnauthorizedError: Unauthorized; ")
        .hasMessageContaining("did not accept the signature of user 'mg'")
        .hasMessageContaining("RSA and DSA keys only");
  }
}
