package org.tritondatacenter.origin.testkit.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tritondatacenter.origin.testkit.cloudapi.CloudApiMachinesTest.assertError;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.cloudapi.CloudApiHarness.Answer;
import org.tritondatacenter.origin.testkit.http.Json;

class ExportImageTest {
  private static final String NAME = "triton-origin-x86_64-21.4.0";
  private static final String VERSION = "master-20260301T120000Z";

  private CloudApiHarness h;
  private String image;

  @BeforeEach
  void start() throws Exception {
    h = CloudApiHarness.start();
    String machine = (String) h.createMachine("proto", Map.of()).get("id");
    h.clock.advance(Duration.ofMinutes(1));
    h.post("/my/machines/" + machine + "?action=stop", Map.of());
    h.clock.advance(Duration.ofMinutes(1));
    image =
        (String)
            h.post("/my/images", Map.of("machine", machine, "name", NAME, "version", VERSION))
                .map()
                .get("id");
    h.manta.mkdirs("/alice/stor/builds");
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  private Answer export(String mantaPath) {
    return h.post("/alice/images/" + image + "?action=export&manta_path=" + mantaPath, Map.of());
  }

  @Test
  void export_creatingImage_isRefusedUntilActive() {
    assertError(export("/alice/stor/builds"), 422, "ImageNotActive", "creating");
  }

  @Test
  void export_intoADirectory_writesNameVersionFiles() throws Exception {
    h.clock.advance(Duration.ofMinutes(2));

    Answer a = export("/alice/stor/builds/");

    assertThat(a.status()).isEqualTo(200);
    String base = "/alice/stor/builds/" + NAME + "-" + VERSION;
    assertThat(a.map())
        .containsEntry("manta_url", h.server.url(LocalTriton.MANTA).toString())
        .containsEntry("image_path", base + ".zfs.gz")
        .containsEntry("manifest_path", base + ".imgmanifest");
    assertThat(h.manta.contentTypes)
        .containsEntry(base + ".imgmanifest", "application/json")
        .containsEntry(base + ".zfs.gz", "application/octet-stream");
    byte[] exported = Files.readAllBytes(h.manta.file(base + ".zfs.gz"));
    byte[] original =
        Files.readAllBytes(h.dir.resolve("data/cloudapi/images/" + image + ".zfs.gz"));
    assertThat(exported).isEqualTo(original);
  }

  @Test
  void export_manifest_isTheFullImgapiManifestIndentedByFourSpaces() throws Exception {
    h.clock.advance(Duration.ofMinutes(2));

    export("/alice/stor/builds");

    String text =
        Files.readString(
            h.manta.file("/alice/stor/builds/" + NAME + "-" + VERSION + ".imgmanifest"));
    assertThat(text).contains("\n    \"uuid\"");
    Map<String, Object> manifest = Json.readObject(text.getBytes());
    assertThat(manifest)
        .containsEntry("uuid", image)
        .containsEntry("v", 2)
        .containsEntry("state", "active")
        .containsEntry("origin", CloudApiHarness.ORIGIN)
        .containsKeys("files", "published_at", "disabled");
    assertThat(manifest.get("requirements"))
        .isEqualTo(Map.of("min_platform", Map.of("7.0", CloudApiSimulator.DEFAULT_PLATFORM)));
  }

  @Test
  void export_toAPrefix_writesPrefixedFiles() {
    h.clock.advance(Duration.ofMinutes(2));

    Answer a = export("/alice/stor/builds/latest");

    assertThat(a.status()).isEqualTo(200);
    assertThat(a.map())
        .containsEntry("image_path", "/alice/stor/builds/latest.zfs.gz")
        .containsEntry("manifest_path", "/alice/stor/builds/latest.imgmanifest");
    assertThat(h.manta.file("/alice/stor/builds/latest.zfs.gz")).exists();
  }

  @Test
  void export_prefixWhoseParentIsMissing_answers500() {
    h.clock.advance(Duration.ofMinutes(2));

    Answer a = export("/alice/stor/missing/latest");

    assertError(a, 500, "InternalError", "error exporting image manifest");
    assertThat(a.map().get("message").toString()).contains("/alice/stor/missing");
  }

  @Test
  void export_foreignPath_answers422NotMantaPathOwner() {
    h.clock.advance(Duration.ofMinutes(2));

    assertError(export("/bob/stor/builds"), 422, "NotMantaPathOwner", "/bob/stor/builds");
    assertError(export("/my/stor/builds"), 422, "NotMantaPathOwner", "/my/stor/builds");
    assertError(export("~~/stor/builds"), 422, "NotMantaPathOwner", "~~/stor/builds");
  }

  @Test
  void export_withoutMantaPath_answers409MissingParameter() {
    Answer a = h.post("/alice/images/" + image + "?action=export", Map.of());

    assertError(a, 409, "MissingParameter", "manta_path");
  }

  @Test
  void export_paramsInTheBody_work() {
    h.clock.advance(Duration.ofMinutes(2));

    Answer a =
        h.post(
            "/alice/images/" + image,
            Map.of("action", "export", "manta_path", "/alice/stor/builds"));

    assertThat(a.status()).isEqualTo(200);
    assertThat(h.log.operation("ExportImage")).hasSize(1);
  }

  @Test
  void postImage_otherAction_answers409() {
    assertError(
        h.post("/alice/images/" + image + "?action=share", Map.of()),
        409,
        "InvalidArgument",
        "share");
  }
}
