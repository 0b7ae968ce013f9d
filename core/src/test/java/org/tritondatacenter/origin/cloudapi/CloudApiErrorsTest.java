package org.tritondatacenter.origin.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.tritondatacenter.origin.cloudapi.CloudApiTestSupport.assertRequest;
import static org.tritondatacenter.origin.cloudapi.CloudApiTestSupport.error;
import static org.tritondatacenter.origin.cloudapi.Samples.IMAGE_ID;
import static org.tritondatacenter.origin.cloudapi.Samples.MACHINE_ID;
import static org.tritondatacenter.origin.cloudapi.Samples.NETWORK_ID;
import static org.tritondatacenter.origin.cloudapi.Samples.PACKAGE_ID;

import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.wait.ManualClock;

/** The error codes a caller acts on, each mapped to a {@link TritonApiException} it can test. */
class CloudApiErrorsTest {
  @StartStop final MockWebServer server = NoDelayServerSockets.server();

  private final ManualClock clock = new ManualClock();

  private CloudApiClient client() {
    return CloudApiTestSupport.client(server, clock);
  }

  @Test
  void getImage_resourceNotFound_isANotFoundErrorWithCodeAndRequestId() throws Exception {
    server.enqueue(
        new MockResponse.Builder(
                error(404, "ResourceNotFound", "image " + IMAGE_ID + " was not found"))
            .setHeader("Request-Id", "req-1")
            .build());

    TritonApiException e =
        catchThrowableOfType(TritonApiException.class, () -> client().getImage(IMAGE_ID));

    assertRequest(server.takeRequest(), "GET", "/alice/images/" + IMAGE_ID);
    assertThat(e.service()).isEqualTo(Service.CLOUDAPI);
    assertThat(e.operation()).isEqualTo("GetImage");
    assertThat(e.isNotFound()).isTrue();
    assertThat(e.hasCode("ResourceNotFound")).isTrue();
    assertThat(e.requestId()).isEqualTo("req-1");
    assertThat(e)
        .hasMessage(
            "CloudAPI GetImage failed: HTTP 404 ResourceNotFound: image "
                + IMAGE_ID
                + " was not found (request-id req-1)");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void getMachine_resourceNotFound_isAnErrorUnlike410() {
    server.enqueue(error(404, "ResourceNotFound", "VM not found"));

    TritonApiException e =
        catchThrowableOfType(TritonApiException.class, () -> client().getMachine(MACHINE_ID));

    assertThat(e.isNotFound()).isTrue();
    assertThat(e.operation()).isEqualTo("GetMachine");
  }

  @Test
  void stopMachine_410Gone_isAGoneError() {
    server.enqueue(error(410, "ResourceNotFound", "VM has been deleted"));

    TritonApiException e =
        catchThrowableOfType(TritonApiException.class, () -> client().stopMachine(MACHINE_ID));

    assertThat(e.isGone()).isTrue();
    assertThat(e.operation()).isEqualTo("StopMachine");
  }

  @Test
  void createImageFromMachine_validationFailed_carriesTheCodeAndIsNotRetried() {
    server.enqueue(
        error(422, "ValidationFailed", "Invalid parameters: version must be a semver string"));

    TritonApiException e =
        catchThrowableOfType(
            TritonApiException.class,
            () ->
                client()
                    .createImageFromMachine(
                        CreateImageRequest.builder(MACHINE_ID, "n", "not semver").build()));

    assertThat(e.httpStatus()).isEqualTo(422);
    assertThat(e.hasCode("ValidationFailed")).isTrue();
    assertThat(e.operation()).isEqualTo("CreateImageFromMachine");
    assertThat(e).hasMessageContaining("version must be a semver string");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void createMachine_invalidNetworks_isValidationFailed() {
    server.enqueue(error(422, "ValidationFailed", "Invalid networks: " + NETWORK_ID));

    TritonApiException e =
        catchThrowableOfType(
            TritonApiException.class,
            () ->
                client()
                    .createMachine(
                        CreateMachineRequest.builder(IMAGE_ID, PACKAGE_ID)
                            .networks(List.of(NETWORK_ID))
                            .build()));

    assertThat(e.hasCode("ValidationFailed")).isTrue();
    assertThat(e.serverMessage()).isEqualTo("Invalid networks: " + NETWORK_ID);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void createMachine_invalidArgument_is409WithItsCode() {
    server.enqueue(error(409, "InvalidArgument", "delegate_dataset is not enabled"));

    TritonApiException e =
        catchThrowableOfType(
            TritonApiException.class,
            () ->
                client().createMachine(CreateMachineRequest.builder(IMAGE_ID, PACKAGE_ID).build()));

    assertThat(e.httpStatus()).isEqualTo(409);
    assertThat(e.hasCode("InvalidArgument")).isTrue();
    assertThat(e.isRetryable()).isFalse();
  }

  @Test
  void exportImage_missingParameter_is409WithItsCode() {
    server.enqueue(error(409, "MissingParameter", "manta_path is required"));

    TritonApiException e =
        catchThrowableOfType(
            TritonApiException.class, () -> client().exportImage(IMAGE_ID, "/alice/stor/x"));

    assertThat(e.httpStatus()).isEqualTo(409);
    assertThat(e.hasCode("MissingParameter")).isTrue();
    assertThat(e.operation()).isEqualTo("ExportImage");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void exportImage_notMantaPathOwner_passesTheImgapiCodeThrough() {
    server.enqueue(error(422, "NotMantaPathOwner", "caller does not own the manta path"));

    TritonApiException e =
        catchThrowableOfType(
            TritonApiException.class, () -> client().exportImage(IMAGE_ID, "/alice/stor/x"));

    assertThat(e.hasCode("NotMantaPathOwner")).isTrue();
  }

  @Test
  void deleteImage_hasDependentImages_is422() {
    server.enqueue(error(422, "ImageHasDependentImages", "image has dependent images"));

    TritonApiException e =
        catchThrowableOfType(TritonApiException.class, () -> client().deleteImage(IMAGE_ID));

    assertThat(e.hasCode("ImageHasDependentImages")).isTrue();
  }
}
