package org.tritondatacenter.origin.imgapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tritondatacenter.origin.imgapi.TestClients.UUID;
import static org.tritondatacenter.origin.imgapi.TestClients.assertAnonymous;
import static org.tritondatacenter.origin.imgapi.TestClients.assertSigned;
import static org.tritondatacenter.origin.imgapi.TestClients.image;
import static org.tritondatacenter.origin.imgapi.TestClients.json;

import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.http.Endpoint;
import org.tritondatacenter.origin.wait.ManualClock;

class ImgapiClientReadTest {
  private static final String OWNER = "930896af-bf8c-48d4-885c-6573a94b1853";

  @StartStop final MockWebServer server = new MockWebServer();
  private final ManualClock clock = new ManualClock();

  private ImgapiClient signed() {
    return TestClients.signed(server, TestClients.config(clock));
  }

  private ImgapiClient anonymous() {
    return TestClients.anonymous(server, TestClients.config(clock));
  }

  private static String uuid(int n) {
    return String.format("00000000-0000-0000-0000-%012d", n);
  }

  private static String page(int... numbers) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < numbers.length; i++) {
      sb.append(i == 0 ? "" : ",").append(image(uuid(numbers[i]), "active", null, "dev"));
    }
    return sb.append(']').toString();
  }

  @Test
  void ping_anonymous_sendsNoSignatureAndReportsNoUser() throws Exception {
    server.enqueue(json(200, "{\"ping\":\"pong\",\"version\":\"4.11.0\",\"imgapi\":true}"));

    Ping ping = anonymous().ping();

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/ping");
    assertAnonymous(request);
    assertThat(ping).isEqualTo(new Ping("pong", "4.11.0", true, null, null));
    assertThat(ping.authenticated()).isFalse();
  }

  @Test
  void ping_signed_sendsTheBareUserAsKeyIdAndReportsTheUser() throws Exception {
    server.enqueue(
        json(
            200,
            "{\"ping\":\"pong\",\"version\":\"4.11.0\",\"imgapi\":true,\"pid\":1234,"
                + "\"user\":\"mg\"}"));

    Ping ping = signed().ping();

    RecordedRequest request = server.takeRequest();
    assertThat(request.getTarget()).isEqualTo("/ping");
    assertSigned(request);
    assertThat(ping.user()).isEqualTo("mg");
    assertThat(ping.pid()).isEqualTo(1234);
    assertThat(ping.authenticated()).isTrue();
  }

  @Test
  void listChannels_decodesNamesAndTheDefault() throws Exception {
    server.enqueue(
        json(
            200,
            "[{\"name\":\"dev\",\"description\":\"all builds\",\"default\":true},"
                + "{\"name\":\"release\",\"description\":\"release bits\"}]"));

    List<Channel> channels = signed().listChannels();

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/channels");
    assertSigned(request);
    assertThat(channels)
        .containsExactly(
            new Channel("dev", "all builds", true), new Channel("release", "release bits", false));
  }

  @Test
  void listImages_everyFilter_sentAsQueryParametersInOrder() throws Exception {
    server.enqueue(json(200, page(1)));
    ImageQuery query =
        ImageQuery.builder()
            .name("~triton-origin-")
            .version("~24.4")
            .anyState()
            .owner(OWNER)
            .isPublic(false)
            .os("smartos")
            .type("zone-dataset")
            .tag("role", "os")
            .tag("smartdc_service", "true")
            .channel("*")
            .build();

    List<Image> images = anonymous().listImages(query);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/images");
    assertThat(request.getUrl().queryParameterNames())
        .containsExactly(
            "name",
            "version",
            "state",
            "owner",
            "public",
            "os",
            "type",
            "tag.role",
            "tag.smartdc_service",
            "channel",
            "limit");
    assertThat(request.getUrl().queryParameter("name")).isEqualTo("~triton-origin-");
    assertThat(request.getUrl().queryParameter("version")).isEqualTo("~24.4");
    assertThat(request.getUrl().queryParameter("state")).isEqualTo("all");
    assertThat(request.getUrl().queryParameter("owner")).isEqualTo(OWNER);
    assertThat(request.getUrl().queryParameter("public")).isEqualTo("false");
    assertThat(request.getUrl().queryParameter("tag.role")).isEqualTo("os");
    assertThat(request.getUrl().queryParameter("channel")).isEqualTo("*");
    assertThat(request.getUrl().queryParameter("limit")).isEqualTo("1000");
    assertAnonymous(request);
    assertThat(images).extracting(Image::uuid).containsExactly(uuid(1));
    assertThat(images.get(0).channels()).containsExactly("dev");
  }

  @Test
  void listImages_fullPages_followTheMarkerAndDropTheRepeatedImage() throws Exception {
    server.enqueue(json(200, page(1, 2, 3)));
    server.enqueue(json(200, page(3, 4, 5)));
    server.enqueue(json(200, page(5, 6)));

    List<Image> images =
        signed().listImages(ImageQuery.builder().state(ImageState.ACTIVE).pageSize(3).build());

    assertThat(images)
        .extracting(Image::uuid)
        .containsExactly(uuid(1), uuid(2), uuid(3), uuid(4), uuid(5), uuid(6));
    assertThat(server.takeRequest().getTarget()).isEqualTo("/images?state=active&limit=3");
    assertThat(server.takeRequest().getTarget())
        .isEqualTo("/images?state=active&limit=3&marker=" + uuid(3));
    assertThat(server.takeRequest().getTarget())
        .isEqualTo("/images?state=active&limit=3&marker=" + uuid(5));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void listImages_fullPageOfRepeats_failsInsteadOfLooping() {
    server.enqueue(json(200, page(1, 2)));
    server.enqueue(json(200, page(1, 2)));

    assertThatThrownBy(() -> signed().listImages(ImageQuery.builder().pageSize(2).build()))
        .isInstanceOf(TritonIoException.class)
        .hasMessageContaining("paging made no progress at marker " + uuid(2));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void listImages_clientDefaultChannel_isSentUnlessTheQueryNamesOne() throws Exception {
    server.enqueue(json(200, "[]"));
    server.enqueue(json(200, "[]"));
    ImgapiClient experimental = signed().withDefaultChannel("experimental");

    experimental.listImages(ImageQuery.all());
    experimental.listImages(ImageQuery.builder().channel("release").build());

    assertThat(server.takeRequest().getTarget())
        .isEqualTo("/images?channel=experimental&limit=1000");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/images?channel=release&limit=1000");
    assertThat(experimental.defaultChannel()).isEqualTo("experimental");
  }

  @Test
  void listLatestImages_keepsTheNewestPerName() throws Exception {
    String older =
        image(uuid(1), "active", null, "dev")
            .replace("2025-01-14T09:31:07.442Z", "2024-01-01T00:00:00Z");
    String newer = image(uuid(2), "active", null, "dev");
    server.enqueue(json(200, "[" + older + "," + newer + "]"));

    List<Image> latest =
        signed().listLatestImages(ImageQuery.builder().name("~triton-origin-").build());

    assertThat(latest).extracting(Image::uuid).containsExactly(uuid(2));
    // OkHttp percent-encodes the tilde; IMGAPI decodes the query before matching.
    assertThat(server.takeRequest().getTarget())
        .isEqualTo("/images?name=%7Etriton-origin-&limit=1000");
  }

  @Test
  void getImage_everyChannel_sendsChannelStarAndDecodesTheImage() throws Exception {
    server.enqueue(json(200, image(UUID, "unactivated", null, "experimental")));

    Image image = signed().getImage(UUID, "*");

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/images/" + UUID + "?channel=*");
    assertSigned(request);
    assertThat(image.uuid()).isEqualTo(UUID);
    assertThat(image.state()).isEqualTo(ImageState.UNACTIVATED);
    assertThat(image.channels()).containsExactly("experimental");
    assertThat(image.files()).isEmpty();
  }

  @Test
  void getImage_notAUuidOrBadChannel_isRefusedBeforeAnyRequest() {
    ImgapiClient client = signed();

    assertThatThrownBy(() -> client.getImage("latest", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("image uuid 'latest' is not a UUID");
    assertThatThrownBy(() -> client.getImage(UUID, "dev channel"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'dev channel' is not a channel name");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void create_endpointOfAnotherService_isRefused() {
    Endpoint manta = Endpoint.anonymous(Service.MANTA, server.url("/").uri());

    assertThatThrownBy(() -> ImgapiClient.create(manta, TestClients.config(clock)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ImgapiClient needs an IMGAPI endpoint, not a Manta one");
  }
}
