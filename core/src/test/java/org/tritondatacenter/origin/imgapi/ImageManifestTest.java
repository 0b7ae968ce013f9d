package org.tritondatacenter.origin.imgapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.http.Json;

class ImageManifestTest {

  @Test
  void parse_cloudApiExportPrettyPrinted_writesBackTheSameTree() throws Exception {
    String text = Fixtures.text("cloudapi-export.imgmanifest");

    ImageManifest manifest = ImageManifest.parse(text, "cloudapi-export.imgmanifest");

    JsonNode original = Json.mapper().readTree(text);
    assertThat(Json.mapper().readTree(manifest.toJson())).isEqualTo(original);
    assertThat(manifest.extraFields()).isEmpty();
    assertThat(manifest.requirements())
        .containsEntry("min_platform", Map.of("7.0", "20210826T002459Z"))
        .containsEntry("min_ram", 256)
        .containsKey("max_platform");
    assertThat(manifest.requirements().get("max_platform")).isNull();
    assertThat(manifest.tags()).containsEntry("build", 42).containsEntry("ratio", 1.5);
    assertThat(manifest.inheritedDirectories()).isEmpty();
  }

  @Test
  void parse_everyV2Field_fillsEachComponentAndWritesBackTheSameTree() throws Exception {
    String text = Fixtures.text("every-field.json");
    JsonNode original = Json.mapper().readTree(text);
    Set<String> names = new TreeSet<>();
    original.fieldNames().forEachRemaining(names::add);
    assertThat(names).isEqualTo(new TreeSet<>(ManifestCodec.FIELDS));

    ImageManifest m = ImageManifest.parse(text, "every-field.json");

    assertThat(Json.mapper().readTree(m.toJson())).isEqualTo(original);
    assertThat(m.v()).isEqualTo(2);
    assertThat(m.icon()).isTrue();
    assertThat(m.imageState()).isEqualTo(ImageState.FAILED);
    assertThat(m.error()).containsEntry("code", "PrepareImageDidNotRun");
    assertThat(m.isPublic()).isTrue();
    assertThat(m.publishedAt()).isEqualTo("2022-03-01T00:00:00Z");
    assertThat(m.acl()).containsExactly("930896af-bf8c-48d4-885c-6573a94b1853");
    assertThat(m.users()).hasSize(2);
    assertThat(m.generatePasswords()).isTrue();
    assertThat(m.billingTags()).containsExactly("small", "fast");
    assertThat(m.traits()).containsEntry("hw", List.of("a", "b"));
    assertThat(m.tags()).containsEntry("big", 12345678901234L);
    assertThat(m.nicDriver()).isEqualTo("virtio");
    assertThat(m.diskDriver()).isEqualTo("virtio");
    assertThat(m.cpuType()).isEqualTo("host");
    assertThat(m.imageSize()).isEqualTo(10240L);
    assertThat(m.channels()).containsExactly("dev", "release");
    assertThat(m.urn()).isEqualTo("sdc:sdc:triton-origin:21.4.0");
    assertThat(m.file())
        .isEqualTo(new ImageFile("97e5d1b4c0a1a1c7b0f3a3f4c1d2e3f4a5b6c7d8", 10L, "xz", null));
    assertThat(m.files().get(0)).containsEntry("stor", "manta");
  }

  @Test
  void parse_unknownTopLevelFields_keepsThemInOrderAndWritesThemBack() throws Exception {
    String text =
        "{\"v\":2,\"uuid\":\"0b1a9b9e-7d6c-4f0a-8e3b-1c2d3e4f5a6b\",\"zeta\":{\"a\":[1,null]},"
            + "\"alpha\":\"x\"}";

    ImageManifest m = ImageManifest.parse(text, "m.json");

    assertThat(m.extraFields().keySet()).containsExactly("zeta", "alpha");
    assertThat(Json.mapper().readTree(m.toJson())).isEqualTo(Json.mapper().readTree(text));
    assertThat(m.withoutExtraFields().extraFields()).isEmpty();
    assertThat(m.withoutExtraFields().uuid()).isEqualTo(m.uuid());
  }

  @Test
  void parse_fieldOfTheWrongType_namesSourceFieldAndValue() {
    assertThatThrownBy(() -> ImageManifest.parse("{\"v\":\"2\"}", "/alice/stor/x.imgmanifest"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "/alice/stor/x.imgmanifest: field \"v\" must be an integer, not a string \"2\"");
    assertThatThrownBy(() -> ImageManifest.parse("{\"acl\":[\"a\",1]}", "m"))
        .hasMessage("m: field \"acl[1]\" must be a string, not a number 1");
    assertThatThrownBy(() -> ImageManifest.parse("{\"files\":[\"x\"]}", "m"))
        .hasMessage("m: field \"files[0]\" must be an object, not a string \"x\"");
    assertThatThrownBy(() -> ImageManifest.parse("{\"image_size\":1.5}", "m"))
        .hasMessage("m: field \"image_size\" must be a whole number, not a number 1.5");
  }

  @Test
  void parse_notAJsonObject_namesTheSource() {
    assertThatThrownBy(() -> ImageManifest.parse("[1]", "m.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("m.json is not a JSON object but array");
    assertThatThrownBy(() -> ImageManifest.parse("{\"v\":", "m.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("m.json is not valid JSON: ");
  }

  @Test
  void withHelpers_copyOnWrite_leaveTheOriginalAndOtherFieldsAlone() throws Exception {
    ImageManifest original =
        ImageManifest.parse(Fixtures.text("cloudapi-export.imgmanifest"), "export");

    ImageManifest changed =
        original
            .withOwner(ImageManifest.ZERO_UUID)
            .withPublic(true)
            .withMinPlatform(Map.of("7.0", "20230101T000000Z"));

    assertThat(original.owner()).isEqualTo("930896af-bf8c-48d4-885c-6573a94b1853");
    assertThat(original.isPublic()).isFalse();
    assertThat(original.minPlatform()).isEqualTo(Map.of("7.0", "20210826T002459Z"));
    assertThat(changed.owner()).isEqualTo(ImageManifest.ZERO_UUID);
    assertThat(changed.isPublic()).isTrue();
    assertThat(changed.minPlatform()).isEqualTo(Map.of("7.0", "20230101T000000Z"));
    JsonNode before = original.toTree();
    JsonNode after = changed.toTree();
    ((com.fasterxml.jackson.databind.node.ObjectNode) before).remove(List.of("owner", "public"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) after).remove(List.of("owner", "public"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) before.get("requirements"))
        .remove("min_platform");
    ((com.fasterxml.jackson.databind.node.ObjectNode) after.get("requirements"))
        .remove("min_platform");
    assertThat(after).isEqualTo(before);
    assertThatThrownBy(() -> original.withOwner("admin"))
        .hasMessageContaining("owner 'admin' is not a UUID");
  }

  @Test
  void withMinPlatform_withoutRequirements_createsThemAndEmptyRemovesAgain() {
    ImageManifest bare = ImageManifest.parse("{\"v\":2}", "m");

    ImageManifest with = bare.withMinPlatform(Map.of("7.0", "20210826T002459Z"));

    assertThat(with.requirements())
        .isEqualTo(Map.of("min_platform", Map.of("7.0", "20210826T002459Z")));
    assertThat(with.withMinPlatform(Map.of()).requirements()).isEmpty();
    assertThat(bare.withMinPlatform(null).requirements()).isNull();
  }

  @Test
  void components_areDeepCopiesThatCannotBeChanged() {
    Map<String, Object> minPlatform = new HashMap<>(Map.of("7.0", "1"));
    Map<String, Object> requirements = new LinkedHashMap<>(Map.of("min_platform", minPlatform));
    ImageManifest m =
        ImageManifest.parse("{\"v\":2}", "m").withMinPlatform(Map.of("7.0", "1")).withPublic(false);
    ImageManifest fromMutable =
        new ImageManifest(
            2,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            requirements,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    minPlatform.put("7.0", "changed");

    assertThat(fromMutable.minPlatform()).containsEntry("7.0", "1");
    assertThat(fromMutable.extraFields()).isEmpty();
    assertThatThrownBy(() -> m.requirements().put("brand", "kvm"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> m.minPlatform().put("7.0", "2"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void jacksonMapper_writesAndReadsTheManifestAsItsOwnJson() throws Exception {
    ImageManifest m = ImageManifest.parse(Fixtures.text("every-field.json"), "every-field.json");

    String written = Json.mapper().writeValueAsString(m);
    ImageManifest read = Json.mapper().readValue(written, ImageManifest.class);

    assertThat(Json.mapper().readTree(written))
        .isEqualTo(Json.mapper().readTree(Fixtures.text("every-field.json")));
    assertThat(read).isEqualTo(m);
  }
}
