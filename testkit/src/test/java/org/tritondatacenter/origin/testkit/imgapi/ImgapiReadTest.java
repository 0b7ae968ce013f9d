package org.tritondatacenter.origin.testkit.imgapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tritondatacenter.origin.testkit.imgapi.ImgapiHarness.Response;

class ImgapiReadTest {
  @TempDir Path dataDir;
  private ImgapiHarness h;

  @BeforeEach
  void start() {
    h = ImgapiHarness.start(dataDir);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void ping_anonymous_answersPongWithoutUser() {
    Response r = h.call("GET", "/ping").anonymous().send();

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json())
        .containsEntry("ping", "pong")
        .containsEntry("version", "4.11.0")
        .containsEntry("imgapi", true)
        .doesNotContainKeys("user", "pid");
    assertThat(r.header("server")).isEqualTo("imgapi/4.11.0");
    assertThat(r.header("x-request-id")).isNotBlank();
  }

  @Test
  void ping_authenticated_addsUserAndPid() {
    Response r = h.call("GET", "/ping").send();

    assertThat(r.json()).containsEntry("user", "alice").containsKey("pid");
  }

  @Test
  void ping_failingSignature_answers401() {
    Response r = h.call("GET", "/ping").auth("Test bad").send();

    assertThat(r.status()).isEqualTo(401);
  }

  @Test
  void ping_errorParameter_answersASampleOfThatError() {
    Response known = h.call("GET", "/ping?error=ImageUuidAlreadyExistsError").send();
    Response unknown = h.call("GET", "/ping?error=Nonsense").send();

    assertThat(known.status()).isEqualTo(409);
    assertThat(known.code()).isEqualTo("ImageUuidAlreadyExists");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.code()).isEqualTo("InvalidParameter");
  }

  @Test
  void listChannels_privateServer_listsTheChannelsWithTheDefaultFirst() {
    List<Map<String, Object>> channels = h.call("GET", "/channels").anonymous().send().list();

    assertThat(channels)
        .extracting(c -> c.get("name"))
        .containsExactly("dev", "experimental", "staging", "release", "support");
    assertThat(channels.get(0)).containsEntry("default", true).containsKey("description");
    assertThat(channels.get(1)).doesNotContainKey("default");
  }

  @Test
  void acceptVersion_absent_imagesLackChannels() {
    String uuid = imported();

    Response r = h.call("GET", "/images/" + uuid).version(null).send();

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json()).doesNotContainKey("channels").containsEntry("uuid", uuid);
  }

  @ParameterizedTest
  @ValueSource(strings = {"~2", "*", "2.0.0", "~1 || ~2", ">=2"})
  void acceptVersion_version2_imagesCarryChannels(String version) {
    String uuid = imported();

    Response r = h.call("GET", "/images/" + uuid).version(version).send();

    assertThat(r.json()).containsEntry("channels", List.of("dev"));
  }

  @Test
  void acceptVersion_unsatisfiable_answers400InvalidVersion() {
    Response r = h.call("GET", "/images").version("~99").send();

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.code()).isEqualTo("InvalidVersion");
    assertThat(r.json().get("message").toString()).contains("~99");
  }

  @Test
  void getImage_pathIsNotAUuid_answers404() {
    Response r = h.call("GET", "/images/not-a-uuid").send();

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.code()).isEqualTo("ResourceNotFound");
  }

  @Test
  void getImage_unknownUuid_answers404() {
    Response r = h.call("GET", "/images/" + UUID.randomUUID()).send();

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.code()).isEqualTo("ResourceNotFound");
  }

  @Test
  void getImage_channels_resolveDefaultNamedStarAndUnknown() {
    String uuid = UUID.randomUUID().toString();
    h.importImage(h.manifest(uuid), "experimental");

    assertThat(h.call("GET", "/images/" + uuid).send().status()).isEqualTo(404);
    assertThat(h.call("GET", "/images/" + uuid + "?channel=dev").send().status()).isEqualTo(404);
    assertThat(h.call("GET", "/images/" + uuid + "?channel=experimental").send().status())
        .isEqualTo(200);
    assertThat(h.call("GET", "/images/" + uuid + "?channel=*").send().status()).isEqualTo(200);
    Response unknown = h.call("GET", "/images/" + uuid + "?channel=nightly").send();
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.code()).isEqualTo("ValidationFailed");
    assertThat(unknown.text()).contains("unknown channel");
  }

  @Test
  void getImage_anonymous_isServedButAdminFieldsNeedAuth() {
    String uuid = imported();

    Response anonymous = h.call("GET", "/images/" + uuid).anonymous().send();
    Response anonymousAdmin =
        h.call("GET", "/images/" + uuid + "?inclAdminFields=true").anonymous().send();

    assertThat(anonymous.status()).isEqualTo(200);
    assertThat(anonymousAdmin.status()).isEqualTo(401);
  }

  @Test
  void getImage_adminFields_addFileStorage() {
    String uuid = imported();
    h.upload(uuid, "bytes".getBytes(StandardCharsets.UTF_8), "");

    Response r = h.call("GET", "/images/" + uuid + "?inclAdminFields=true").send();

    assertThat(r.file()).containsEntry("stor", "local");
    assertThat(h.call("GET", "/images/" + uuid).send().file()).doesNotContainKey("stor");
  }

  @Test
  void getImage_matchingIfNoneMatch_answers304() {
    String uuid = imported();
    String etag = h.call("GET", "/images/" + uuid).send().header("etag");

    Response r = h.call("GET", "/images/" + uuid).header("If-None-Match", etag).send();

    assertThat(etag).hasSize(40);
    assertThat(r.status()).isEqualTo(304);
  }

  @Test
  void getImageFile_needsNoAuth_streamsTheBytesWithDigestHeaders() throws Exception {
    String uuid = imported();
    byte[] bytes = "the image file".getBytes(StandardCharsets.UTF_8);
    h.upload(uuid, bytes, "");

    // Even a failing signature is ignored: the route has no authentication at all.
    Response r = h.call("GET", "/images/" + uuid + "/file").auth("Test bad").send();

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bytes()).isEqualTo(bytes);
    assertThat(r.header("etag"))
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes)));
    assertThat(r.header("content-md5"))
        .isEqualTo(
            Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes)));
    assertThat(r.header("content-type")).isEqualTo("application/octet-stream");
    assertThat(r.header("content-length")).isEqualTo(String.valueOf(bytes.length));
    assertThat(r.header("last-modified")).endsWith("GMT");
  }

  @Test
  void getImageFile_imageWithoutFile_answers404() {
    String uuid = imported();

    Response r = h.call("GET", "/images/" + uuid + "/file").send();

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.text()).contains("has no file");
  }

  @Test
  void unknownPath_answers404ResourceNotFound() {
    Response r = h.call("GET", "/nowhere").send();

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.code()).isEqualTo("ResourceNotFound");
  }

  private String imported() {
    String uuid = UUID.randomUUID().toString();
    assertThat(h.importImage(h.manifest(uuid), null).status()).isEqualTo(200);
    return uuid;
  }
}
