package org.tritondatacenter.origin.testkit.imgapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.testkit.imgapi.ImgapiHarness.Response;

class ImgapiImportTest {
  private static final String ZERO = "00000000-0000-0000-0000-000000000000";

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
  void import_exportedManifest_answersUnactivatedImageInTheDefaultChannel() {
    String uuid = UUID.randomUUID().toString();
    Map<String, Object> manifest = h.manifest(uuid);
    manifest.put("channels", List.of("release"));

    Response r = h.importImage(manifest, null);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json())
        .containsEntry("uuid", uuid)
        .containsEntry("state", "unactivated")
        .containsEntry("owner", ZERO)
        .containsEntry("public", false)
        .containsEntry("files", List.of())
        .containsEntry("channels", List.of("dev"))
        .containsEntry("tags", Map.of("role", "base"))
        .doesNotContainKey("published_at");
    assertThat(h.imgapi.image(uuid))
        .get()
        .extracting(m -> m.get("channels"))
        .isEqualTo(List.of("dev"));
  }

  @Test
  void import_channelParameter_putsTheImageInThatChannelOnly() {
    String uuid = UUID.randomUUID().toString();

    Response r = h.importImage(h.manifest(uuid), "experimental");

    assertThat(r.json()).containsEntry("channels", List.of("experimental"));
  }

  @Test
  void import_publishedAtGiven_isKeptThroughActivation() {
    String uuid = UUID.randomUUID().toString();
    Map<String, Object> manifest = h.manifest(uuid);
    manifest.put("published_at", "2023-05-06T07:08:09.123Z");

    Response imported = h.importImage(manifest, null);
    h.upload(uuid, new byte[] {1, 2, 3}, "");
    Response activated = h.activate(uuid, null);

    assertThat(imported.json()).containsEntry("published_at", "2023-05-06T07:08:09.123Z");
    assertThat(activated.json()).containsEntry("published_at", "2023-05-06T07:08:09.123Z");
  }

  @Test
  void import_uuidTakenInAnotherChannel_answers409() {
    String uuid = UUID.randomUUID().toString();
    h.importImage(h.manifest(uuid), "experimental");

    Response r = h.importImage(h.manifest(uuid), "dev");

    assertThat(r.status()).isEqualTo(409);
    assertThat(r.code()).isEqualTo("ImageUuidAlreadyExists");
  }

  @Test
  void import_unknownTopLevelFields_answers422InvalidParameterNamingThem() {
    Map<String, Object> manifest = h.manifest(UUID.randomUUID().toString());
    manifest.put("activated", true);
    manifest.put("colour", "blue");

    Response r = h.importImage(manifest, null);

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.code()).isEqualTo("InvalidParameter");
    assertThat(r.text()).contains("invalid extra parameters").contains("activated", "colour");
    assertThat(r.errorFields()).containsExactly("activated", "colour");
  }

  @Test
  void import_zvolFieldsOnAZoneDataset_areExtraParameters() {
    Map<String, Object> manifest = h.manifest(UUID.randomUUID().toString());
    manifest.put("image_size", 10240);

    Response r = h.importImage(manifest, null);

    assertThat(r.code()).isEqualTo("InvalidParameter");
    assertThat(r.text()).contains("image_size");
  }

  @Test
  void import_zvolManifest_needsItsDriverFields() {
    Map<String, Object> manifest = h.manifest(UUID.randomUUID().toString());
    manifest.put("type", "zvol");
    manifest.put("image_size", 10240);

    Response r = h.importImage(manifest, null);

    assertThat(r.code()).isEqualTo("ValidationFailed");
    assertThat(r.text()).contains("nic_driver", "disk_driver", "cpu_type");
  }

  @Test
  void import_originMissingEverywhere_answers422OriginDoesNotExist() {
    Map<String, Object> manifest = h.manifest(UUID.randomUUID().toString());
    manifest.put("origin", UUID.randomUUID().toString());

    Response r = h.importImage(manifest, null);

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.code()).isEqualTo("OriginDoesNotExist");
  }

  @Test
  void import_originUnactivatedInAnotherChannel_isAccepted() {
    String origin = UUID.randomUUID().toString();
    h.importImage(h.manifest(origin), "experimental");
    Map<String, Object> manifest = h.manifest(UUID.randomUUID().toString());
    manifest.put("origin", origin);

    Response r = h.importImage(manifest, "release");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json()).containsEntry("origin", origin);
  }

  @Test
  void import_accountParameter_answers403OperatorOnly() {
    String uuid = UUID.randomUUID().toString();

    Response r =
        h.call("POST", "/images/" + uuid + "?action=import&account=" + UUID.randomUUID())
            .json(h.manifest(uuid))
            .send();

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.code()).isEqualTo("OperatorOnly");
  }

  @Test
  void import_bodyUuidDiffersFromPath_answers422() {
    Response r =
        h.call("POST", "/images/" + UUID.randomUUID() + "?action=import")
            .json(h.manifest(UUID.randomUUID().toString()))
            .send();

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.code()).isEqualTo("InvalidParameter");
    assertThat(r.text()).contains("do not match");
  }

  @Test
  void import_publicManifestOnPrivateServer_answers422ValidationFailed() {
    Map<String, Object> manifest = h.manifest(UUID.randomUUID().toString());
    manifest.put("public", true);

    Response r = h.importImage(manifest, null);

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.code()).isEqualTo("ValidationFailed");
    assertThat(r.text()).contains("public");
  }

  @Test
  void import_badNameVersionAndEnums_listEveryBadField() {
    Map<String, Object> manifest = h.manifest(UUID.randomUUID().toString());
    manifest.put("name", "bad:name");
    manifest.put("version", "1.0 beta");
    manifest.put("type", "vm");
    manifest.remove("os");

    Response r = h.importImage(manifest, null);

    assertThat(r.code()).isEqualTo("ValidationFailed");
    assertThat(r.errorFields()).containsExactlyInAnyOrder("name", "version", "type", "os");
  }

  @Test
  void import_nameAndVersionAtTheirLimits_areAcceptedAndOneMoreIsNot() {
    Map<String, Object> atLimit = h.manifest(UUID.randomUUID().toString());
    atLimit.put("name", "n".repeat(1024));
    atLimit.put("version", "1.0+" + "v".repeat(508));
    Map<String, Object> over = h.manifest(UUID.randomUUID().toString());
    over.put("name", "n".repeat(1025));

    assertThat(h.importImage(atLimit, null).status()).isEqualTo(200);
    Response r = h.importImage(over, null);
    assertThat(r.code()).isEqualTo("ValidationFailed");
    assertThat(r.text()).contains("too long");
  }

  @Test
  void import_missingV_answersValidationFailed() {
    Map<String, Object> manifest = h.manifest(UUID.randomUUID().toString());
    manifest.remove("v");

    Response r = h.importImage(manifest, null);

    assertThat(r.code()).isEqualTo("ValidationFailed");
    assertThat(r.text()).contains("MissingParameter");
  }

  @Test
  void import_withoutSignature_answers401() {
    String uuid = UUID.randomUUID().toString();

    Response r =
        h.call("POST", "/images/" + uuid + "?action=import")
            .anonymous()
            .json(h.manifest(uuid))
            .send();

    assertThat(r.status()).isEqualTo(401);
    assertThat(h.imgapi.image(uuid)).isEmpty();
  }

  @Test
  void import_starOrUnknownChannel_answers422() {
    String uuid = UUID.randomUUID().toString();

    assertThat(h.importImage(h.manifest(uuid), "*").code()).isEqualTo("ValidationFailed");
    assertThat(h.importImage(h.manifest(uuid), "nightly").code()).isEqualTo("ValidationFailed");
  }

  @Test
  void import_sourceParameter_answersAClear400() {
    String uuid = UUID.randomUUID().toString();

    Response r =
        h.call("POST", "/images/" + uuid + "?action=import&source=https://images.example")
            .json(h.manifest(uuid))
            .send();

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.text()).contains("source");
  }

  @Test
  void import_bodyNotJson_answers400() {
    Response r =
        h.call("POST", "/images/" + UUID.randomUUID() + "?action=import")
            .body("{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .send();

    assertThat(r.status()).isEqualTo(400);
  }

  @Test
  void createImage_manifestWithoutUuid_getsANewUnactivatedImage() {
    Map<String, Object> manifest = h.manifest("x");
    manifest.remove("uuid");
    manifest.remove("state");

    Response r = h.call("POST", "/images?channel=staging").json(manifest).send();

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("uuid").toString()).matches("[0-9a-f-]{36}");
    assertThat(r.json())
        .containsEntry("state", "unactivated")
        .containsEntry("owner", "930896af-bf8c-48d4-885c-6573a94b1853")
        .containsEntry("channels", List.of("staging"));
  }

  @Test
  void importRemote_onAStandaloneServer_answers503() {
    Response r =
        h.call(
                "POST",
                "/images/" + UUID.randomUUID() + "?action=import-remote&source=https://x.example")
            .send();

    assertThat(r.status()).isEqualTo(503);
  }
}
