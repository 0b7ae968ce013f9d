package org.tritondatacenter.origin.testkit.imgapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.testkit.imgapi.ImgapiHarness.Response;

class ImgapiLifecycleTest {
  private static final byte[] BYTES = "file".getBytes(StandardCharsets.UTF_8);

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
  void activate_withoutFile_answers422NoActivationNoFile() {
    String uuid = imported(null);

    Response r = h.activate(uuid, null);

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.code()).isEqualTo("NoActivationNoFile");
  }

  @Test
  void activate_setsStateAndPublishedAtFromTheClock() {
    String uuid = imported(null);
    h.upload(uuid, BYTES, "");
    h.clock.advance(Duration.ofMinutes(5));

    Response r = h.activate(uuid, null);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json())
        .containsEntry("state", "active")
        .containsEntry("published_at", "2024-03-01T10:05:00.000Z");
  }

  @Test
  void activate_twice_answers422ImageAlreadyActivated() {
    String uuid = imported(null);
    h.upload(uuid, BYTES, "");
    h.activate(uuid, null);

    Response r = h.activate(uuid, null);

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.code()).isEqualTo("ImageAlreadyActivated");
  }

  @Test
  void disableAndEnable_switchTheState() {
    String uuid = UUID.randomUUID().toString();
    h.publish(h.manifest(uuid), null, BYTES);

    Response disabled = h.call("POST", "/images/" + uuid + "?action=disable").send();
    Response enabled = h.call("POST", "/images/" + uuid + "?action=enable").send();

    assertThat(disabled.json()).containsEntry("state", "disabled").containsEntry("disabled", true);
    assertThat(enabled.json()).containsEntry("state", "active").containsEntry("disabled", false);
  }

  @Test
  void channelAdd_addsTheBodyChannelAndIsIdempotent() {
    String uuid = UUID.randomUUID().toString();
    h.publish(h.manifest(uuid), "experimental", BYTES);

    Response first = channelAdd(uuid, "experimental", "staging");
    Response again = channelAdd(uuid, "experimental", "staging");

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json()).containsEntry("channels", List.of("experimental", "staging"));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json()).containsEntry("channels", List.of("experimental", "staging"));
  }

  @Test
  void channelAdd_queryChannelMustHoldTheImage() {
    String uuid = UUID.randomUUID().toString();
    h.publish(h.manifest(uuid), "experimental", BYTES);

    Response r = channelAdd(uuid, null, "release");

    assertThat(r.status()).isEqualTo(404);
    assertThat(h.imgapi.image(uuid).orElseThrow().get("channels"))
        .isEqualTo(List.of("experimental"));
  }

  @Test
  void channelAdd_unknownTarget_answers422ValidationFailed() {
    String uuid = UUID.randomUUID().toString();
    h.publish(h.manifest(uuid), null, BYTES);

    Response r = channelAdd(uuid, null, "nightly");

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.code()).isEqualTo("ValidationFailed");
    assertThat(r.text()).contains("nightly");
  }

  @Test
  void delete_fromOneOfTwoChannels_keepsTheImageInTheOther() {
    String uuid = UUID.randomUUID().toString();
    h.publish(h.manifest(uuid), null, BYTES);
    channelAdd(uuid, null, "release");

    Response r = h.call("DELETE", "/images/" + uuid + "?channel=dev").send();

    assertThat(r.status()).isEqualTo(204);
    assertThat(h.imgapi.image(uuid).orElseThrow().get("channels")).isEqualTo(List.of("release"));
    assertThat(h.call("GET", "/images/" + uuid + "/file?channel=release").send().bytes())
        .isEqualTo(BYTES);
  }

  @Test
  void delete_fromItsLastChannel_removesTheImageAndItsFile() throws Exception {
    String uuid = UUID.randomUUID().toString();
    h.publish(h.manifest(uuid), null, BYTES);

    Response r = h.call("DELETE", "/images/" + uuid).send();

    assertThat(r.status()).isEqualTo(204);
    assertThat(h.imgapi.image(uuid)).isEmpty();
    assertThat(Files.exists(dataDir.resolve("imgapi/updates/" + uuid))).isFalse();
    assertThat(h.call("GET", "/images/" + uuid + "?channel=*").send().status()).isEqualTo(404);
  }

  @Test
  void delete_forceAllChannels_removesItEverywhere() {
    String uuid = UUID.randomUUID().toString();
    h.publish(h.manifest(uuid), null, BYTES);
    channelAdd(uuid, null, "release");

    Response r = h.call("DELETE", "/images/" + uuid + "?force_all_channels=true").send();

    assertThat(r.status()).isEqualTo(204);
    assertThat(h.imgapi.image(uuid)).isEmpty();
  }

  @Test
  void delete_originOfAnImageInThatChannel_answers422ImageHasDependentImages() {
    String origin = UUID.randomUUID().toString();
    h.publish(h.manifest(origin), null, BYTES);
    channelAdd(origin, null, "release");
    Map<String, Object> child = h.manifest(UUID.randomUUID().toString());
    child.put("origin", origin);
    h.importImage(child, null);

    Response inDev = h.call("DELETE", "/images/" + origin + "?channel=dev").send();
    Response inRelease = h.call("DELETE", "/images/" + origin + "?channel=release").send();

    assertThat(inDev.status()).isEqualTo(422);
    assertThat(inDev.code()).isEqualTo("ImageHasDependentImages");
    assertThat(inDev.text()).contains(child.get("uuid").toString());
    assertThat(inRelease.status()).isEqualTo(204);
  }

  @Test
  void delete_unknownImageOrUnauthenticated_isRefused() {
    String uuid = imported(null);

    assertThat(h.call("DELETE", "/images/" + UUID.randomUUID()).send().status()).isEqualTo(404);
    assertThat(h.call("DELETE", "/images/" + uuid).anonymous().send().status()).isEqualTo(401);
    assertThat(h.call("DELETE", "/images/" + uuid + "?channel=*").send().status()).isEqualTo(422);
  }

  @Test
  void update_mutableFields_areChangedAndNullRemoves() {
    String uuid = imported(null);

    Response r =
        h.call("POST", "/images/" + uuid + "?action=update")
            .json(java.util.Collections.singletonMap("tags", null))
            .send();
    Response described =
        h.call("POST", "/images/" + uuid + "?action=update")
            .json(Map.of("description", "the base image"))
            .send();

    assertThat(r.json()).doesNotContainKey("tags");
    assertThat(described.json()).containsEntry("description", "the base image");
  }

  @Test
  void update_immutableOrInvalidFields_answer422ValidationFailed() {
    String uuid = imported(null);

    Response immutable =
        h.call("POST", "/images/" + uuid + "?action=update")
            .json(Map.of("published_at", "2024-01-01T00:00:00Z"))
            .send();
    Response publicOnPrivate =
        h.call("POST", "/images/" + uuid + "?action=update").json(Map.of("public", true)).send();

    assertThat(immutable.code()).isEqualTo("ValidationFailed");
    assertThat(immutable.errorFields()).containsExactly("published_at");
    assertThat(publicOnPrivate.code()).isEqualTo("ValidationFailed");
    assertThat(publicOnPrivate.errorFields()).containsExactly("public");
  }

  @Test
  void post_unknownOrMissingAction_answers422InvalidParameter() {
    String uuid = imported(null);

    Response unknown = h.call("POST", "/images/" + uuid + "?action=explode").send();
    Response missing = h.call("POST", "/images/" + uuid).send();

    assertThat(unknown.code()).isEqualTo("InvalidParameter");
    assertThat(unknown.text()).contains("\\\"explode\\\" is not a valid action");
    assertThat(missing.code()).isEqualTo("InvalidParameter");
  }

  @Test
  void operations_areNamedAfterTheAction_forFaultsAndTheLog() {
    String uuid = imported(null);
    h.upload(uuid, BYTES, "");
    h.activate(uuid, null);

    assertThat(h.log.operation("AdminImportImage")).hasSize(1);
    assertThat(h.log.operation("AddImageFile")).hasSize(1);
    assertThat(h.log.operation("ActivateImage"))
        .singleElement()
        .satisfies(record -> assertThat(record.principal().account()).isEqualTo("alice"));
  }

  @Test
  void unactivatedImages_describeUuidNameVersionAndChannels() {
    String uuid = imported("experimental");
    String active = UUID.randomUUID().toString();
    h.publish(h.manifest(active), null, BYTES);

    assertThat(h.imgapi.unactivatedImages())
        .containsExactly(uuid + " triton-origin-base@20240301T100000Z [experimental]");
  }

  @Test
  void seedImage_addsAnActiveImageToTheGivenChannels() {
    String uuid = UUID.randomUUID().toString();

    h.imgapi.seedImage(
        Map.of("uuid", uuid, "name", "base-64-lts", "version", "23.4.0", "public", true),
        List.of("dev", "release"));
    h.imgapi.seedImage(Map.of("uuid", uuid, "name", "base-64-lts"), List.of("staging"));

    Response r = h.call("GET", "/images/" + uuid + "?channel=release").anonymous().send();
    assertThat(r.json())
        .containsEntry("state", "active")
        .containsEntry("public", false)
        .containsEntry("owner", "00000000-0000-0000-0000-000000000000")
        .containsEntry("published_at", "2024-03-01T10:00:00.000Z")
        .containsEntry("channels", List.of("dev", "release", "staging"));
    assertThat(h.imgapi.unactivatedImages()).isEmpty();
  }

  @Test
  void seedImage_unknownChannelOrBadUuid_throwsNamingTheProblem() {
    assertThatThrownBy(
            () ->
                h.imgapi.seedImage(
                    Map.of("uuid", UUID.randomUUID().toString(), "name", "x"), List.of("nightly")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nightly");
    assertThatThrownBy(() -> h.imgapi.seedImage(Map.of("uuid", "nope", "name", "x"), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("uuid");
  }

  private Response channelAdd(String uuid, String from, String to) {
    String query = "?action=channel-add" + (from == null ? "" : "&channel=" + from);
    return h.call("POST", "/images/" + uuid + query).json(Map.of("channel", to)).send();
  }

  private String imported(String channel) {
    String uuid = UUID.randomUUID().toString();
    assertThat(h.importImage(h.manifest(uuid), channel).status()).isEqualTo(200);
    return uuid;
  }
}
