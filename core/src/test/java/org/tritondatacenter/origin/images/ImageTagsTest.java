package org.tritondatacenter.origin.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ImageTagsTest {

  @Test
  void forImage_entryWithTags_addsTheFiveTritonOriginTags() {
    ImageSpec spec =
        ImagesJsonReader.strict()
            .parse(
                "t.json",
                "["
                    + ImagesJsonReaderTest.ENTRY.replace(
                        "\"protoMinMemoryMb\"",
                        "\"tags\": {\"role\": \"origin\"}, \"protoMinMemoryMb\"")
                    + "]")
            .images()
            .get(0);
    BuildStamp stamp =
        BuildStamp.of("feature/x", "20250116T175211Z", "b17eb8e0c2a4f6e8d0c2a4f6e8d0c2a4f6e8d0c2");

    Map<String, Object> tags = ImageTags.forImage(spec, stamp, "to-20250116T175211-abcdef");

    assertThat(tags)
        .containsExactly(
            Map.entry("role", "origin"),
            Map.entry("branch", "feature-x"),
            Map.entry("timestamp", "20250116T175211Z"),
            Map.entry("git", "b17eb8e0c2a4f6e8d0c2a4f6e8d0c2a4f6e8d0c2"),
            Map.entry("triton-origin.spec", spec.specHash()),
            Map.entry("triton-origin.build", "to-20250116T175211-abcdef"));
  }

  @Test
  void forImage_malformedBuildId_isRefused() {
    ImageSpec spec =
        ImagesJsonReader.strict()
            .parse("t.json", "[" + ImagesJsonReaderTest.ENTRY + "]")
            .images()
            .get(0);
    BuildStamp stamp = BuildStamp.of("master", "20250116T175211Z", "b17eb8e");

    assertThatThrownBy(() -> ImageTags.forImage(spec, stamp, "build 7"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a build id: build 7");
  }

  @Test
  void next_seededRandom_hasTheDocumentedShape() {
    String id = BuildIds.next(Instant.parse("2025-01-16T17:52:11.5Z"), new Random(7));

    assertThat(id).matches("to-20250116T175211-[a-z2-7]{6}");
    assertThat(BuildIds.isBuildId(id)).isTrue();
    // CloudAPI machine names allow [a-zA-Z0-9_.-]; the id must fit with room for a suffix.
    assertThat(id).matches("[a-zA-Z0-9_.-]+").hasSizeLessThan(32);
  }

  @Test
  void next_manyInTheSameSecond_areDistinct() {
    Instant now = Instant.parse("2025-01-16T17:52:11Z");
    Random random = new Random(42);

    long distinct =
        IntStream.range(0, 2000).mapToObj(i -> BuildIds.next(now, random)).distinct().count();

    assertThat(distinct).isEqualTo(2000);
  }

  @Test
  void isBuildId_otherStrings_isFalse() {
    assertThat(BuildIds.isBuildId("to-20250116T175211-ABCDEF")).isFalse();
    assertThat(BuildIds.isBuildId("to-20250116T175211-abc1ef")).isFalse();
    assertThat(BuildIds.isBuildId("20250116T175211-abcdef")).isFalse();
    assertThat(BuildIds.isBuildId(null)).isFalse();
  }
}
