package org.tritondatacenter.origin.testkit.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tritondatacenter.origin.testkit.cloudapi.CloudApiMachinesTest.assertError;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.testkit.cloudapi.CloudApiHarness.Answer;

class CreateImageFromMachineTest {
  private CloudApiHarness h;
  private String machine;

  @BeforeEach
  void start() throws Exception {
    h = CloudApiHarness.start();
    machine = (String) h.createMachine("proto", Map.of()).get("id");
    h.clock.advance(Duration.ofMinutes(1));
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  private void stopMachine() {
    h.post("/my/machines/" + machine + "?action=stop", Map.of());
    h.clock.advance(Duration.ofSeconds(15));
  }

  private Answer create() {
    return h.post(
        "/my/images",
        Map.of(
            "machine", machine,
            "name", "triton-origin-x86_64-21.4.0",
            "version", "master-20260301T120000Z",
            "description", "origin image",
            "tags", Map.of("branch", "master")));
  }

  @Test
  void create_missingParameters_answers409MissingParameter() {
    assertError(
        h.post("/my/images", Map.of("name", "n", "version", "1")),
        409,
        "MissingParameter",
        "machine");
    assertError(
        h.post("/my/images", Map.of("machine", machine, "version", "1")),
        409,
        "MissingParameter",
        "name");
    assertError(
        h.post("/my/images", Map.of("machine", machine, "name", "n")),
        409,
        "MissingParameter",
        "version");
  }

  @Test
  void create_runningMachine_isRefusedWithAClearError() {
    Answer a = create();

    assertError(a, 409, "InvalidState", "stopped");
    assertThat(a.map().get("message").toString()).contains(machine, "running");
  }

  @Test
  void create_unknownMachine_answers404() {
    Answer a =
        h.post(
            "/my/images",
            Map.of("machine", "00000000-0000-4000-8000-000000000000", "name", "n", "version", "1"));

    assertError(a, 404, "ResourceNotFound", "00000000-0000-4000-8000-000000000000");
  }

  @Test
  void create_invalidVersion_answers422ValidationFailed() {
    stopMachine();

    Answer a = h.post("/my/images", Map.of("machine", machine, "name", "n", "version", "1 0"));

    assertThat(a.status()).isEqualTo(422);
    assertThat(a.code()).isEqualTo("ValidationFailed");
    assertThat(a.body()).contains("\"field\":\"version\"");
  }

  @Test
  void create_stoppedMachine_isCreatingThenActive() {
    stopMachine();

    Answer a = create();

    assertThat(a.status()).isEqualTo(201);
    String id = (String) a.map().get("id");
    assertThat(a.header("Location")).isEqualTo("/alice/images/" + id);
    assertThat(a.header("x-joyent-jobid")).matches("[0-9a-f-]{36}");
    assertThat(a.map()).containsEntry("state", "creating").doesNotContainKey("files");
    assertThat(h.get("/my/images").list()).extracting(i -> i.get("id")).doesNotContain(id);
    h.clock.advance(Duration.ofSeconds(89));
    assertThat(h.get("/my/images/" + id).map()).containsEntry("state", "creating");
    h.clock.advance(Duration.ofSeconds(1));
    Map<String, Object> image = h.get("/my/images/" + id).map();
    assertThat(image)
        .containsEntry("state", "active")
        .containsEntry("origin", CloudApiHarness.ORIGIN)
        .containsEntry("owner", h.cloud.accountUuid())
        .containsEntry("public", false)
        .containsEntry("type", "zone-dataset")
        .containsEntry("os", "smartos")
        .containsEntry("tags", Map.of("branch", "master"))
        .containsKey("published_at");
    assertThat(h.get("/my/images").list()).extracting(i -> i.get("id")).contains(id);
  }

  @Test
  void create_manifestInheritsAndRaisesMinPlatform_fileMatchesItsDigests() throws Exception {
    stopMachine();
    String id = (String) create().map().get("id");
    h.clock.advance(Duration.ofMinutes(2));

    Map<String, Object> manifest =
        h.cloud.images().stream().filter(m -> m.get("uuid").equals(id)).findFirst().orElseThrow();

    assertThat(manifest).containsEntry("v", 2).containsEntry("disabled", false);
    assertThat(manifest.get("requirements"))
        .isEqualTo(Map.of("min_platform", Map.of("7.0", CloudApiSimulator.DEFAULT_PLATFORM)));
    @SuppressWarnings("unchecked")
    Map<String, Object> file = ((List<Map<String, Object>>) manifest.get("files")).get(0);
    Path path = h.dir.resolve("data/cloudapi/images/" + id + ".zfs.gz");
    byte[] bytes = Files.readAllBytes(path);
    assertThat(file).containsEntry("compression", "gzip");
    assertThat(((Number) file.get("size")).longValue()).isEqualTo(bytes.length);
    assertThat(file.get("sha1"))
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes)));
    try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
      assertThat(in.readAllBytes()).hasSize(200_000);
    }
  }

  @Test
  void create_whenATestSaysSo_endsFailedWithAnError() {
    stopMachine();
    h.cloud.failNextImageCreation("PrepareImageDidNotRun", "prepare-image did not run");
    String failing = (String) create().map().get("id");
    h.cloud.failNextImageCreation("ZfsError", "zfs send failed");
    String internal =
        (String)
            h.post("/my/images", Map.of("machine", machine, "name", "other", "version", "1"))
                .map()
                .get("id");
    h.clock.advance(Duration.ofMinutes(2));

    Map<String, Object> failed = h.get("/my/images/" + failing).map();
    Map<String, Object> mapped = h.get("/my/images/" + internal).map();

    assertThat(failed).containsEntry("state", "failed");
    assertThat(failed.get("error"))
        .isEqualTo(Map.of("code", "PrepareImageDidNotRun", "message", "prepare-image did not run"));
    assertThat(mapped.get("error"))
        .isEqualTo(Map.of("code", "InternalError", "message", "zfs send failed"));
    assertThat(h.get("/my/images?state=failed").list()).hasSize(2);
  }

  @Test
  void failImageCreation_ofACreatingImage_failsItWhenTheJobEnds() {
    stopMachine();
    String id = (String) create().map().get("id");

    h.cloud.failImageCreation(id, "VmHasNoOrigin", "no origin");
    h.clock.advance(Duration.ofMinutes(2));

    assertThat(h.get("/my/images/" + id).map()).containsEntry("state", "failed");
  }

  @Test
  void deleteImage_createdImage_removesItsFileFromDisk() {
    stopMachine();
    String id = (String) create().map().get("id");
    Path file = h.dir.resolve("data/cloudapi/images/" + id + ".zfs.gz");
    assertThat(file).exists();

    assertThat(h.delete("/my/images/" + id).status()).isEqualTo(204);

    assertThat(file).doesNotExist();
  }
}
