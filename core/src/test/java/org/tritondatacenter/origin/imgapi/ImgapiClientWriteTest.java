package org.tritondatacenter.origin.imgapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tritondatacenter.origin.imgapi.TestClients.SHA1;
import static org.tritondatacenter.origin.imgapi.TestClients.UUID;
import static org.tritondatacenter.origin.imgapi.TestClients.assertSigned;
import static org.tritondatacenter.origin.imgapi.TestClients.files;
import static org.tritondatacenter.origin.imgapi.TestClients.image;
import static org.tritondatacenter.origin.imgapi.TestClients.json;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.http.Json;
import org.tritondatacenter.origin.wait.ManualClock;

class ImgapiClientWriteTest {
  @StartStop final MockWebServer server = new MockWebServer();
  private final ManualClock clock = new ManualClock();

  private ImgapiClient client() {
    return TestClients.signed(server, TestClients.config(clock));
  }

  private static ImageManifest exported() {
    return ImageManifest.parse(
        Fixtures.text("cloudapi-export.imgmanifest"), "cloudapi-export.imgmanifest");
  }

  @Test
  void adminImportImage_postsTheManifestUnchangedIntoTheChannel() throws Exception {
    server.enqueue(json(200, image(UUID, "unactivated", null, "experimental")));
    ImageManifest manifest = exported();

    Image image = client().adminImportImage(manifest, "experimental");

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget())
        .isEqualTo("/images/" + UUID + "?action=import&channel=experimental");
    assertSigned(request);
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(Json.mapper().readTree(request.getBody().utf8()))
        .isEqualTo(Json.mapper().readTree(Fixtures.text("cloudapi-export.imgmanifest")));
    assertThat(image.state()).isEqualTo(ImageState.UNACTIVATED);
    assertThat(image.channels()).containsExactly("experimental");
  }

  @Test
  void adminImportImage_extraFields_areNamedBeforeSending() {
    ImageManifest manifest =
        ImageManifest.parse(
            exported().toJson().replaceFirst("\\{", "{\"build_host\":\"x\",\"notes\":1,"), "m");

    assertThatThrownBy(() -> client().adminImportImage(manifest, "dev"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "manifest of image "
                + UUID
                + " has fields IMGAPI does not accept: build_host, notes. Remove them"
                + " (withoutExtraFields()); IMGAPI would answer 422 InvalidParameter");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void adminImportImage_missingRequiredFields_areNamedBeforeSending() {
    ImageManifest manifest = ImageManifest.parse("{\"v\":2,\"uuid\":\"" + UUID + "\"}", "m");

    assertThatThrownBy(() -> client().adminImportImage(manifest, "dev"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "manifest of image "
                + UUID
                + " lacks fields AdminImportImage requires: name, version, type, os");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void adminImportImage_everyChannelOrAnonymous_isRefusedBeforeSending() {
    ImgapiClient anonymous = TestClients.anonymous(server, TestClients.config(clock));

    assertThatThrownBy(() -> client().adminImportImage(exported(), "*"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "IMGAPI AdminImportImage: channel '*' (every channel) is allowed on reads only");
    assertThatThrownBy(() -> client().withDefaultChannel("*").adminImportImage(exported(), null))
        .hasMessageContaining("allowed on reads only");
    assertThatThrownBy(() -> anonymous.adminImportImage(exported(), "dev"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("IMGAPI AdminImportImage needs credentials");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void adminImportImage_connectionLostAfterSending_isNotSentAgain() {
    server.enqueue(
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(json(200, image(UUID, "unactivated", null, "dev")));

    assertThatThrownBy(() -> client().adminImportImage(exported(), "dev"))
        .isInstanceOf(TritonIoException.class)
        .hasMessageContaining("IMGAPI AdminImportImage")
        .hasMessageContaining("not sent again");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(clock.sleeps()).isEmpty();
  }

  @Test
  void addImageFileFromUrl_postsTheUrlAndGuessesCompressionFromItsPath() throws Exception {
    server.enqueue(json(200, image(UUID, "unactivated", files(SHA1, 42), "dev")));
    URI url =
        URI.create(
            "https://us-central.manta.example.com/alice/stor/builds/x/image.zfs.gz"
                + "?algorithm=RSA-SHA256&expires=1767225900&keyId=%2Falice%2Fkeys%2Fab"
                + "&signature=c2VjcmV0");

    Image image = client().addImageFileFromUrl(UUID, url, null, SHA1.toUpperCase(), "dev");

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget())
        .isEqualTo(
            "/images/" + UUID + "/file/from-url?compression=gzip&sha1=" + SHA1 + "&channel=dev");
    assertSigned(request);
    assertThat(Json.mapper().readTree(request.getBody().utf8()))
        .isEqualTo(Json.mapper().valueToTree(Map.of("file_url", url.toString())));
    assertThat(image.file().sha1()).isEqualTo(SHA1);
  }

  @Test
  void addImageFileFromUrl_failedDownload_neverQuotesTheSignature() {
    URI url = URI.create("https://manta.example.com/alice/stor/x.zfs.gz?expires=1&signature=c2Vj");
    server.enqueue(
        TestClients.error(
            400, "Download", "Error getting image file from " + url + ": status 403"));

    assertThatThrownBy(() -> client().addImageFileFromUrl(UUID, url, Compression.GZIP, null, null))
        .isInstanceOf(org.tritondatacenter.origin.TritonApiException.class)
        .hasMessageContaining("HTTP 400 Download")
        .hasMessageContaining("https://manta.example.com/alice/stor/x.zfs.gz?...")
        .hasMessageNotContaining("c2Vj");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void addImageFileFromUrl_notHttp_isRefusedWithoutTheQuery() {
    URI ftp = URI.create("ftp://host/x.gz?signature=c2Vj");

    assertThatThrownBy(() -> client().addImageFileFromUrl(UUID, ftp, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "file URL ftp://host/x.gz?... is not one IMGAPI can fetch: it needs an https:// URL"
                + " with a host name");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void activateImage_postsTheActionWithoutABody() throws Exception {
    server.enqueue(json(200, image(UUID, "active", files(SHA1, 42), "dev")));

    Image image = client().activateImage(UUID, "dev");

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/images/" + UUID + "?action=activate&channel=dev");
    assertThat(request.getBodySize()).isZero();
    assertSigned(request);
    assertThat(image.state()).isEqualTo(ImageState.ACTIVE);
  }

  @Test
  void disableAndEnableImage_postTheirActions() throws Exception {
    server.enqueue(
        json(
            200,
            image(UUID, "disabled", files(SHA1, 42), "dev")
                .replace("\"disabled\":false", "\"disabled\":true")));
    server.enqueue(json(200, image(UUID, "active", files(SHA1, 42), "dev")));

    Image disabled = client().disableImage(UUID, null);
    Image enabled = client().enableImage(UUID, null);

    assertThat(server.takeRequest().getTarget()).isEqualTo("/images/" + UUID + "?action=disable");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/images/" + UUID + "?action=enable");
    assertThat(disabled.state()).isEqualTo(ImageState.DISABLED);
    assertThat(disabled.disabled()).isTrue();
    assertThat(enabled.state()).isEqualTo(ImageState.ACTIVE);
  }

  @Test
  void channelAddImage_findsByQueryChannelAddsBodyChannelAndIsRetried() throws Exception {
    server.enqueue(TestClients.error(503, "ServiceUnavailableError", "busy"));
    server.enqueue(json(200, image(UUID, "active", files(SHA1, 42), "dev", "staging")));

    Image image = client().channelAddImage(UUID, "dev", "staging");

    for (int i = 0; i < 2; i++) {
      RecordedRequest request = server.takeRequest();
      assertThat(request.getMethod()).isEqualTo("POST");
      assertThat(request.getTarget())
          .isEqualTo("/images/" + UUID + "?action=channel-add&channel=dev");
      assertThat(Json.mapper().readTree(request.getBody().utf8()))
          .isEqualTo(Json.mapper().readTree("{\"channel\":\"staging\"}"));
      assertSigned(request);
    }
    assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(500));
    assertThat(image.channels()).containsExactly("dev", "staging");
  }

  @Test
  void channelAddImage_targetStarOrMissing_isRefused() {
    assertThatThrownBy(() -> client().channelAddImage(UUID, "dev", "*"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ChannelAddImage target channel '*' is not a channel name");
    assertThatThrownBy(() -> client().channelAddImage(UUID, "*", "staging"))
        .hasMessageContaining("allowed on reads only");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void deleteImage_sendsChannelAndForceAllChannels() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    server.enqueue(new MockResponse.Builder().code(204).build());

    client().deleteImage(UUID, "experimental", true);
    client().withDefaultChannel("dev").deleteImage(UUID, null, false);

    RecordedRequest forced = server.takeRequest();
    assertThat(forced.getMethod()).isEqualTo("DELETE");
    assertThat(forced.getTarget())
        .isEqualTo("/images/" + UUID + "?channel=experimental&force_all_channels=true");
    assertSigned(forced);
    assertThat(server.takeRequest().getTarget()).isEqualTo("/images/" + UUID + "?channel=dev");
  }

  @Test
  void updateImage_postsTheFieldsAsJson() throws Exception {
    server.enqueue(json(200, image(UUID, "active", files(SHA1, 42), "dev")));
    Map<String, Object> fields =
        Map.of("description", "new words", "tags", Map.of("role", "os", "n", 3));

    Image image = client().updateImage(UUID, fields, "dev");

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/images/" + UUID + "?action=update&channel=dev");
    assertSigned(request);
    assertThat(Json.mapper().readTree(request.getBody().utf8()))
        .isEqualTo(
            Json.mapper()
                .readTree("{\"description\":\"new words\",\"tags\":{\"role\":\"os\",\"n\":3}}"));
    assertThat(image.uuid()).isEqualTo(UUID);
  }

  @Test
  void updateImage_fieldItCannotChangeOrUnknown_isNamedBeforeSending() {
    assertThatThrownBy(() -> client().updateImage(UUID, Map.of("state", "active"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "UpdateImage of image " + UUID + ": field \"state\" cannot be changed by UpdateImage");
    assertThatThrownBy(() -> client().updateImage(UUID, Map.of("colour", "red"), null))
        .hasMessage(
            "UpdateImage of image " + UUID + ": field \"colour\" is not an IMGAPI manifest field");
    assertThatThrownBy(() -> client().updateImage(UUID, Map.of(), null))
        .hasMessageContaining("no fields to change");
    assertThat(server.getRequestCount()).isZero();
  }
}
