package org.tritondatacenter.origin.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpecHashTest {

  private static final String BASE =
      """
      [{
        "namePrefix": "triton-origin-x86_64",
        "desc": "origin",
        "origin": {"uuid": "41bd4100-eb86-409a-85b0-e649aadf6f62",
                   "name": "minimal-64-lts", "version": "24.4.1"},
        "pkgsrc": ["coreutils", "curl", "sudo"],
        "protoMinMemoryMb": 1024,
        "script": ["echo one", "echo two"],
        "tags": {"role": "origin", "size": 2}
      }]
      """;

  private static ImageSpec spec(String json) {
    return ImagesJsonReader.strict().parse("spec.json", json).images().get(0);
  }

  @Test
  void of_sameEntry_isStableAndPinned() {
    // Pinned: a change here means every published image's spec tag stops matching, so every
    // image would be rebuilt once. Bump SpecHash.CANONICAL_VERSION deliberately if that is meant.
    assertThat(spec(BASE).specHash())
        .isEqualTo(SpecHash.of(spec(BASE)))
        .hasSize(64)
        .isEqualTo("3137920d5dcae5791d5d2227f64e60f7fd18cf0ccd4d27d7e8dce8eaba8b5178");
  }

  @Test
  void of_keyOrderMemoryFormAndDefaults_doNotChangeIt() {
    String reordered =
        """
        [{
          "tags": {"size": 2.0, "role": "origin"},
          "script": ["echo one", "echo two"],
          "protoMinMemoryMb": "1024",
          "pkgsrc": ["sudo", "coreutils", "curl"],
          "origin": {"version": "24.4.1", "name": "minimal-64-lts",
                     "uuid": "41BD4100-EB86-409A-85B0-E649AADF6F62"},
          "desc": "origin",
          "namePrefix": "triton-origin-x86_64",
          "upgrade": false,
          "audit": false,
          "networks": [],
          "metadata": {}
        }]
        """;

    assertThat(spec(reordered).specHash()).isEqualTo(spec(BASE).specHash());
  }

  static Stream<Arguments> changes() {
    return Stream.of(
        change("a package", s -> s.replace("\"curl\"", "\"curl-8.11.1\"")),
        change("an added package", s -> s.replace("\"sudo\"]", "\"sudo\", \"gsed\"]")),
        change("a script line", s -> s.replace("echo two", "echo three")),
        change(
            "the script order",
            s -> s.replace("\"echo one\", \"echo two\"", "\"echo two\", \"echo one\"")),
        change("the origin uuid", s -> s.replace("e649aadf6f62", "e649aadf6f63")),
        change("the origin version", s -> s.replace("24.4.1", "24.4.2")),
        change("the memory", s -> s.replace("1024", "2048")),
        change("the description", s -> s.replace("\"origin\",\n", "\"an origin\",\n")),
        change("a tag value", s -> s.replace("\"size\": 2", "\"size\": 3")),
        change(
            "upgrade",
            s -> s.replace("\"protoMinMemoryMb\"", "\"upgrade\": true, \"protoMinMemoryMb\"")),
        change(
            "a package name",
            s ->
                s.replace("\"protoMinMemoryMb\"", "\"package\": \"g4-1G\", \"protoMinMemoryMb\"")));
  }

  private static Arguments change(String what, UnaryOperator<String> edit) {
    return Arguments.of(what, edit);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void of_anyChangeThatShapesTheImage_changesIt(String what, UnaryOperator<String> edit) {
    String edited = edit.apply(BASE);
    assertThat(edited).as("the edit must apply").isNotEqualTo(BASE);

    assertThat(spec(edited).specHash()).isNotEqualTo(spec(BASE).specHash());
  }
}
