package org.tritondatacenter.origin.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tritondatacenter.origin.cloudapi.CloudApiTestSupport.assertRequest;
import static org.tritondatacenter.origin.cloudapi.CloudApiTestSupport.empty;
import static org.tritondatacenter.origin.cloudapi.CloudApiTestSupport.error;
import static org.tritondatacenter.origin.cloudapi.CloudApiTestSupport.json;
import static org.tritondatacenter.origin.cloudapi.CloudApiTestSupport.jsonBody;
import static org.tritondatacenter.origin.cloudapi.Samples.IMAGE_ID;
import static org.tritondatacenter.origin.cloudapi.Samples.JOB_ID;
import static org.tritondatacenter.origin.cloudapi.Samples.MACHINE_ID;
import static org.tritondatacenter.origin.cloudapi.Samples.NEW_IMAGE_ID;
import static org.tritondatacenter.origin.cloudapi.Samples.OWNER_ID;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.http.RetryPolicy;
import org.tritondatacenter.origin.wait.ManualClock;

class CloudApiImagesTest {
  @StartStop final MockWebServer server = NoDelayServerSockets.server();

  private final ManualClock clock = new ManualClock();

  private CloudApiClient client() {
    return CloudApiTestSupport.client(server, clock);
  }

  @Test
  void listImages_noFilter_asksForTheDefaultListAndDecodesEveryImage() throws Exception {
    server.enqueue(
        json(
            200,
            "["
                + Samples.image(IMAGE_ID, "active")
                + ","
                + Samples.image(NEW_IMAGE_ID, "brand-new")
                + "]"));

    List<Image> images = client().listImages();

    assertRequest(server.takeRequest(), "GET", "/alice/images");
    assertThat(images).extracting(Image::id).containsExactly(IMAGE_ID, NEW_IMAGE_ID);
    assertThat(images)
        .extracting(Image::state)
        .containsExactly(ImageState.ACTIVE, ImageState.UNKNOWN);
  }

  @Test
  void listImages_everyFilter_sendsEachAsAQueryParameter() throws Exception {
    server.enqueue(json(200, "[]"));

    List<Image> images =
        client()
            .listImages(
                ImageFilter.builder()
                    .name("triton-origin-x86_64")
                    .os("smartos")
                    .version("24.4.1")
                    .isPublic(false)
                    .allStates()
                    .owner(OWNER_ID)
                    .type("zone-dataset")
                    .build());

    assertRequest(
        server.takeRequest(),
        "GET",
        "/alice/images?name=triton-origin-x86_64&os=smartos&version=24.4.1&public=false"
            + "&state=all&owner="
            + OWNER_ID
            + "&type=zone-dataset");
    assertThat(images).isEmpty();
  }

  @Test
  void listImages_stateFilter_usesTheWireName() throws Exception {
    server.enqueue(json(200, "[]"));

    client().listImages(ImageFilter.builder().state(ImageState.CREATING).build());

    assertRequest(server.takeRequest(), "GET", "/alice/images?state=creating");
  }

  @Test
  void getImage_active_decodesTheCloudApiView() throws Exception {
    server.enqueue(json(200, Samples.image(IMAGE_ID, "active")));

    Image image = client().getImage(IMAGE_ID.toUpperCase());

    assertRequest(server.takeRequest(), "GET", "/alice/images/" + IMAGE_ID);
    assertThat(image.name()).isEqualTo("triton-origin-x86_64");
    assertThat(image.version()).isEqualTo("24.4.1");
    assertThat(image.os()).isEqualTo("smartos");
    assertThat(image.type()).isEqualTo("zone-dataset");
    assertThat(image.owner()).isEqualTo(OWNER_ID);
    assertThat(image.isPublic()).isFalse();
    assertThat(image.origin()).isEqualTo(IMAGE_ID);
    assertThat(image.publishedAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(image.acl()).containsExactly(OWNER_ID);
    assertThat(image.tags()).containsEntry("role", "origin").containsEntry("smartdc_service", true);
    assertThat(image.files())
        .containsExactly(
            new ImageFile("gzip", "97f20b32c2016782257176fb58a35e5044f05840", 123456L));
    assertThat(image.requirements().minMemory()).isEqualTo(256L);
    assertThat(image.requirements().brand()).isEqualTo("joyent");
    assertThat(image.error()).isNull();
  }

  @Test
  void getImage_failed_carriesTheErrorObject() throws Exception {
    server.enqueue(json(200, Samples.failedImage(NEW_IMAGE_ID)));

    Image image = client().getImage(NEW_IMAGE_ID);

    assertThat(image.state()).isEqualTo(ImageState.FAILED);
    assertThat(image.error())
        .isEqualTo(
            new ImageError(
                "PrepareImageDidNotRun", "prepare-image script did not indicate it was run"));
    assertThat(image.files()).isEmpty();
    assertThat(image.tags()).isEmpty();
  }

  @Test
  void deleteImage_sendsDeleteAndAccepts204() throws Exception {
    server.enqueue(empty(204));

    client().deleteImage(IMAGE_ID);

    RecordedRequest request = server.takeRequest();
    assertRequest(request, "DELETE", "/alice/images/" + IMAGE_ID);
    assertThat(request.getBodySize()).isZero();
  }

  @Test
  void createImageFromMachine_sendsTheFieldsAndReturnsThePlaceholderWithItsJob() throws Exception {
    server.enqueue(
        new MockResponse.Builder(json(201, Samples.image(NEW_IMAGE_ID, "creating")))
            .setHeader("Location", "/alice/images/" + NEW_IMAGE_ID)
            .setHeader("x-joyent-jobid", JOB_ID)
            .build());

    CreatedImage created =
        client()
            .createImageFromMachine(
                CreateImageRequest.builder(MACHINE_ID, "triton-origin-x86_64", "24.4.1")
                    .description("origin image")
                    .homepage("https://example.com/triton-origin")
                    .eula("https://example.com/eula")
                    .acl(List.of(OWNER_ID))
                    .tag("role", "origin")
                    .tag("build", 42)
                    .build());

    RecordedRequest request = server.takeRequest();
    assertRequest(request, "POST", "/alice/images");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    JsonNode body = jsonBody(request);
    assertThat(body.toString())
        .isEqualTo(
            "{\"machine\":\""
                + MACHINE_ID
                + "\",\"name\":\"triton-origin-x86_64\",\"version\":\"24.4.1\","
                + "\"description\":\"origin image\","
                + "\"homepage\":\"https://example.com/triton-origin\","
                + "\"eula\":\"https://example.com/eula\",\"acl\":[\""
                + OWNER_ID
                + "\"],\"tags\":{\"role\":\"origin\",\"build\":42}}");
    assertThat(created.jobId()).isEqualTo(JOB_ID);
    assertThat(created.image().id()).isEqualTo(NEW_IMAGE_ID);
    assertThat(created.image().state()).isEqualTo(ImageState.CREATING);
  }

  @Test
  void createImageFromMachine_onlyRequiredFields_sendsNoOptionalOnes() throws Exception {
    server.enqueue(json(201, Samples.image(NEW_IMAGE_ID, "creating")));

    CreatedImage created =
        client().createImageFromMachine(CreateImageRequest.builder(MACHINE_ID, "n", "1").build());

    assertThat(jsonBody(server.takeRequest()).toString())
        .isEqualTo("{\"machine\":\"" + MACHINE_ID + "\",\"name\":\"n\",\"version\":\"1\"}");
    assertThat(created.jobId()).isNull();
  }

  @Test
  void createImageFromMachine_serverError_isNotSentAgain() {
    server.enqueue(error(503, "ServiceUnavailable", "try later"));
    server.enqueue(json(201, Samples.image(NEW_IMAGE_ID, "creating")));

    assertThatThrownBy(
            () ->
                client()
                    .createImageFromMachine(
                        CreateImageRequest.builder(MACHINE_ID, "n", "1").build()))
        .isInstanceOf(TritonApiException.class)
        .hasMessageContaining("CloudAPI CreateImageFromMachine failed: HTTP 503");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void exportImage_sendsActionAndEncodedMantaPathAndDecodesThePaths() throws Exception {
    server.enqueue(
        json(
            200,
            """
            {"manta_url": "https://us-east.manta.example.com",
             "image_path": "/alice/stor/builds/my image/img-1.zfs.gz",
             "manifest_path": "/alice/stor/builds/my image/img-1.imgmanifest"}
            """));

    ExportedImage exported = client().exportImage(IMAGE_ID, "/alice/stor/builds/my image/img-1");

    assertRequest(
        server.takeRequest(),
        "POST",
        "/alice/images/"
            + IMAGE_ID
            + "?action=export&manta_path=%2Falice%2Fstor%2Fbuilds%2Fmy%20image%2Fimg-1");
    assertThat(exported)
        .isEqualTo(
            new ExportedImage(
                "https://us-east.manta.example.com",
                "/alice/stor/builds/my image/img-1.zfs.gz",
                "/alice/stor/builds/my image/img-1.imgmanifest"));
  }

  @Test
  void exportImage_transientFailure_isSentAgainBecauseItOverwritesTheSameObjects()
      throws Exception {
    server.enqueue(error(503, "ServiceUnavailable", "busy"));
    server.enqueue(
        json(
            200, "{\"manta_url\":\"u\",\"image_path\":\"/alice/stor/a\",\"manifest_path\":\"m\"}"));

    ExportedImage exported = client().exportImage(IMAGE_ID, "/alice/stor/a");

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(exported.imagePath()).isEqualTo("/alice/stor/a");
  }

  @Test
  void exportImage_slowAnswer_outlastsTheDefaultReadTimeout() {
    // The default read timeout is 200 ms here; ExportImage keeps HttpConfig's long one.
    CloudApiClient client =
        CloudApiTestSupport.client(
            server,
            CloudApiTestSupport.config(clock)
                .readTimeout(Duration.ofMillis(200))
                .retryPolicy(RetryPolicy.none())
                .build(),
            false);
    MockResponse slowExport =
        new MockResponse.Builder(
                json(200, "{\"manta_url\":\"u\",\"image_path\":\"i\",\"manifest_path\":\"m\"}"))
            .headersDelay(600, TimeUnit.MILLISECONDS)
            .build();
    server.enqueue(slowExport);
    server.enqueue(
        new MockResponse.Builder(json(200, Samples.image(IMAGE_ID, "active")))
            .headersDelay(600, TimeUnit.MILLISECONDS)
            .build());

    assertThat(client.exportImage(IMAGE_ID, "/alice/stor/x").imagePath()).isEqualTo("i");
    assertThatThrownBy(() -> client.getImage(IMAGE_ID)).isInstanceOf(TritonIoException.class);
  }

  @Test
  void records_withNullCollections_normaliseToEmpty() {
    Image image =
        new Image(
            IMAGE_ID, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null);

    assertThat(image.state()).isEqualTo(ImageState.UNKNOWN);
    assertThat(image.acl()).isEmpty();
    assertThat(image.tags()).isEqualTo(Map.of());
  }
}
