package org.tritondatacenter.origin.testkit.imgapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.testkit.ImgapiMode;
import org.tritondatacenter.origin.testkit.imgapi.ImgapiHarness.Response;

/** The images-like server: no channels, every image public. */
class ImgapiPublicModeTest {
  private static final byte[] BYTES = "file".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dataDir;
  private ImgapiHarness h;

  @BeforeEach
  void start() {
    h = ImgapiHarness.start(dataDir, ImgapiMode.PUBLIC);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void listChannels_isNotMounted() {
    Response r = h.call("GET", "/channels").send();

    assertThat(r.status()).isEqualTo(404);
    assertThat(h.imgapi.channels()).isEmpty();
  }

  @Test
  void import_publicManifest_isAcceptedWithoutChannels() {
    String uuid = UUID.randomUUID().toString();

    Response r = h.importImage(h.manifest(uuid), "anything");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json()).containsEntry("public", true).doesNotContainKey("channels");
  }

  @Test
  void import_privateManifest_answers422ValidationFailed() {
    Map<String, Object> manifest = h.manifest(UUID.randomUUID().toString());
    manifest.put("public", false);

    Response r = h.importImage(manifest, null);

    assertThat(r.code()).isEqualTo("ValidationFailed");
    assertThat(r.errorFields()).containsExactly("public");
  }

  @Test
  void channelParameter_isIgnoredEverywhere() {
    String uuid = UUID.randomUUID().toString();
    h.publish(h.manifest(uuid), "whatever", BYTES);

    assertThat(h.call("GET", "/images/" + uuid + "?channel=nightly").send().status())
        .isEqualTo(200);
    assertThat(h.call("GET", "/images?channel=nightly").send().list()).hasSize(1);
  }

  @Test
  void channelAdd_isNotAValidAction() {
    String uuid = UUID.randomUUID().toString();
    h.publish(h.manifest(uuid), null, BYTES);

    Response r =
        h.call("POST", "/images/" + uuid + "?action=channel-add")
            .json(Map.of("channel", "release"))
            .send();

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.code()).isEqualTo("InvalidParameter");
    assertThat(r.text()).contains("not a valid action");
  }

  @Test
  void update_publicFalse_answers422() {
    String uuid = UUID.randomUUID().toString();
    h.publish(h.manifest(uuid), null, BYTES);

    Response r =
        h.call("POST", "/images/" + uuid + "?action=update").json(Map.of("public", false)).send();

    assertThat(r.code()).isEqualTo("ValidationFailed");
    assertThat(h.imgapi.image(uuid).orElseThrow()).containsEntry("public", true);
  }

  @Test
  void delete_removesTheImage() {
    String uuid = UUID.randomUUID().toString();
    h.publish(h.manifest(uuid), null, BYTES);

    assertThat(h.call("DELETE", "/images/" + uuid).send().status()).isEqualTo(204);
    assertThat(h.imgapi.imageUuids()).isEmpty();
  }

  @Test
  void seedImage_ignoresChannelsAndMakesThePublicImage() {
    String uuid = UUID.randomUUID().toString();

    h.imgapi.seedImage(Map.of("uuid", uuid, "name", "base-64"), List.of("dev"));

    assertThat(h.imgapi.image(uuid).orElseThrow())
        .containsEntry("public", true)
        .containsEntry("state", "active")
        .doesNotContainKey("channels");
  }
}
