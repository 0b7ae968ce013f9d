package org.tritondatacenter.origin.imgapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageTest {
  private static final String OWNER = "930896af-bf8c-48d4-885c-6573a94b1853";

  static Image image(String uuid, String owner, String name, String publishedAt) {
    String published = publishedAt == null ? "" : ",\"published_at\":\"" + publishedAt + "\"";
    return Image.fromTree(
        ImageManifest.parse(
                "{\"v\":2,\"uuid\":\""
                    + uuid
                    + "\",\"owner\":\""
                    + owner
                    + "\",\"name\":\""
                    + name
                    + "\",\"version\":\"1\",\"state\":\"active\""
                    + published
                    + "}",
                "test")
            .toTree());
  }

  @Test
  void of_everyField_typesWhatCallersActOn() {
    Image image =
        Image.of(ImageManifest.parse(Fixtures.text("every-field.json"), "every-field.json"));

    assertThat(image.uuid()).isEqualTo("0b1a9b9e-7d6c-4f0a-8e3b-1c2d3e4f5a6b");
    assertThat(image.state()).isEqualTo(ImageState.FAILED);
    assertThat(image.error()).isEqualTo(new ImageError("PrepareImageDidNotRun", "boom"));
    assertThat(image.disabled()).isTrue();
    assertThat(image.isPublic()).isTrue();
    assertThat(image.publishedAt()).isEqualTo(Instant.parse("2022-03-01T00:00:00Z"));
    assertThat(image.channels()).containsExactly("dev", "release");
    assertThat(image.isInChannel("release")).isTrue();
    assertThat(image.isInChannel("staging")).isFalse();
    assertThat(image.file().compression()).isEqualTo("xz");
    assertThat(image.toTree()).isEqualTo(image.manifest().toTree());
  }

  @Test
  void of_unknownStateAndNoChannels_givesUnknownAndEmptyLists() {
    Image image = Image.of(ImageManifest.parse("{\"uuid\":\"x\",\"state\":\"frozen\"}", "answer"));

    assertThat(image.state()).isEqualTo(ImageState.UNKNOWN);
    assertThat(image.channels()).isEmpty();
    assertThat(image.files()).isEmpty();
    assertThat(image.file()).isNull();
    assertThat(image.publishedAt()).isNull();
  }

  @Test
  void latest_keepsTheNewestPerOwnerAndNameInListOrder() {
    Image a1 = image("00000000-0000-0000-0000-0000000000a1", OWNER, "a", "2024-01-01T00:00:00Z");
    Image b1 = image("00000000-0000-0000-0000-0000000000b1", OWNER, "b", "2024-02-01T00:00:00Z");
    Image a2 =
        image("00000000-0000-0000-0000-0000000000a2", OWNER, "a", "2024-03-01T00:00:00.123Z");
    Image a3same =
        image("00000000-0000-0000-0000-0000000000a3", OWNER, "a", "2024-03-01T00:00:00.123Z");
    Image other =
        image(
            "00000000-0000-0000-0000-0000000000c1",
            ImageManifest.ZERO_UUID,
            "a",
            "2020-01-01T00:00:00Z");
    Image unpublished = image("00000000-0000-0000-0000-0000000000b2", OWNER, "b", null);

    List<Image> latest = Image.latest(List.of(a1, b1, a2, a3same, other, unpublished));

    assertThat(latest).containsExactly(b1, a2, other);
  }
}
