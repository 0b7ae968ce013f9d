package org.tritondatacenter.origin.testkit.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.testkit.cloudapi.CloudApiHarness.Answer;

class CloudApiImagesTest {
  private static final String BASE = "11111111-2222-4333-8444-555555555555";
  private static final String DISABLED = "11111111-2222-4333-8444-666666666666";
  private static final String MINE = "11111111-2222-4333-8444-777777777777";
  private static final String OTHERS = "11111111-2222-4333-8444-888888888888";

  private CloudApiHarness h;

  @BeforeEach
  void start() throws Exception {
    h = CloudApiHarness.start();
    h.cloud.seedImage(image(BASE, "base-64-lts", "23.4.0"));
    Map<String, Object> disabled = image(DISABLED, "minimal-64-lts", "19.4.0");
    disabled.put("state", "disabled");
    h.cloud.seedImage(disabled);
    Map<String, Object> mine = image(MINE, "my-image", "1.0.0");
    mine.put("owner", h.cloud.accountUuid());
    mine.put("public", false);
    mine.put("origin", CloudApiHarness.ORIGIN);
    h.cloud.seedImage(mine);
    Map<String, Object> others = image(OTHERS, "secret", "1.0.0");
    others.put("owner", CloudApiSimulator.accountUuid("bob"));
    others.put("public", false);
    h.cloud.seedImage(others);
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  private static Map<String, Object> image(String uuid, String name, String version) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("uuid", uuid);
    m.put("name", name);
    m.put("version", version);
    m.put(
        "requirements", Map.of("min_platform", Map.of("7.0", "20210826T002459Z"), "min_ram", 512));
    m.put(
        "files",
        java.util.List.of(
            Map.of("sha1", "ab", "size", 42, "compression", "gzip", "dataset_guid", "123")));
    return m;
  }

  @Test
  void listImages_byDefault_showsActiveImagesTheCallerMaySee() {
    assertThat(h.get("/alice/images").list())
        .extracting(i -> i.get("id"))
        .containsExactly(CloudApiHarness.ORIGIN, BASE, MINE);
  }

  @Test
  void listImages_stateAll_includesOtherStates() {
    assertThat(h.get("/alice/images?state=all").list())
        .extracting(i -> i.get("id"))
        .containsExactly(CloudApiHarness.ORIGIN, BASE, DISABLED, MINE);
    assertThat(h.get("/alice/images?state=disabled").list())
        .extracting(i -> i.get("id"))
        .containsExactly(DISABLED);
  }

  @Test
  void listImages_nameAndVersion_matchExactlyOrWithTildeSubstring() {
    assertThat(h.get("/alice/images?name=minimal-64-lts").list())
        .extracting(i -> i.get("id"))
        .containsExactly(CloudApiHarness.ORIGIN);
    assertThat(h.get("/alice/images?name=~64-lts").list()).hasSize(2);
    assertThat(h.get("/alice/images?name=64-lts").list()).isEmpty();
    assertThat(h.get("/alice/images?version=~23.4").list())
        .extracting(i -> i.get("id"))
        .containsExactly(BASE);
  }

  @Test
  void listImages_publicOwnerOsType_filter() {
    assertThat(h.get("/alice/images?public=false").list())
        .extracting(i -> i.get("id"))
        .containsExactly(MINE);
    assertThat(h.get("/alice/images?owner=" + h.cloud.accountUuid()).list())
        .extracting(i -> i.get("id"))
        .containsExactly(MINE);
    assertThat(h.get("/alice/images?os=linux").list()).isEmpty();
    assertThat(h.get("/alice/images?type=zvol").list()).isEmpty();
    assertThat(h.get("/alice/images?type=zone-dataset").list()).hasSize(3);
  }

  @Test
  void imageView_isCloudApisNotImgapis() {
    Map<String, Object> image = h.get("/alice/images/" + BASE).map();

    assertThat(image).containsEntry("id", BASE).doesNotContainKeys("uuid", "v", "disabled");
    assertThat(image.get("requirements")).isEqualTo(Map.of("min_ram", 512));
    assertThat(image)
        .containsEntry("owner", CloudApiSimulator.ADMIN_UUID)
        .containsEntry("public", true)
        .containsEntry("state", "active")
        .containsKeys("published_at", "os", "type");
    assertThat(image.get("files"))
        .isEqualTo(java.util.List.of(Map.of("compression", "gzip", "sha1", "ab", "size", 42)));
  }

  @Test
  void getImage_unknownOrInvisible_answers404() {
    Answer unknown = h.get("/alice/images/00000000-0000-4000-8000-000000000000");
    Answer others = h.get("/alice/images/" + OTHERS);

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo("ResourceNotFound");
    assertThat(others.status()).isEqualTo(404);
  }

  @Test
  void deleteImage_withDependents_answers422ImageHasDependentImages() {
    Map<String, Object> child = image("11111111-2222-4333-8444-999999999999", "child", "1");
    child.put("owner", h.cloud.accountUuid());
    child.put("origin", MINE);
    h.cloud.seedImage(child);

    Answer a = h.delete("/alice/images/" + MINE);

    assertThat(a.status()).isEqualTo(422);
    assertThat(a.code()).isEqualTo("ImageHasDependentImages");
    assertThat(a.map().get("message").toString()).contains("11111111-2222-4333-8444-999999999999");
  }

  @Test
  void deleteImage_ownImage_answers204AndTheImageIsGone() {
    Answer a = h.delete("/alice/images/" + MINE);

    assertThat(a.status()).isEqualTo(204);
    assertThat(h.get("/alice/images/" + MINE).status()).isEqualTo(404);
    assertThat(h.delete("/alice/images/" + MINE).status()).isEqualTo(404);
  }

  @Test
  void deleteImage_publicImageOfAnotherOwner_answers422NotImageOwner() {
    Answer a = h.delete("/alice/images/" + BASE);

    assertThat(a.status()).isEqualTo(422);
    assertThat(a.code()).isEqualTo("NotImageOwner");
  }
}
