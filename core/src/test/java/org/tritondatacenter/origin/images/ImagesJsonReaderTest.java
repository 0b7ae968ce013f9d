package org.tritondatacenter.origin.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.TritonException;

class ImagesJsonReaderTest {

  static final String ENTRY =
      """
      {
        "namePrefix": "triton-origin-x86_64",
        "desc": "Triton/Manta component origin image based on minimal-64-lts 24.4.1",
        "origin": {
          "uuid": "41bd4100-eb86-409a-85b0-e649aadf6f62",
          "name": "minimal-64-lts",
          "version": "24.4.1"
        },
        "pkgsrc": ["coreutils", "curl", "gsed", "patch", "sudo"],
        "protoMinMemoryMb": 1024
      }
      """;

  @Test
  void read_repositoryImagesJson_parsesThreeEntries() {
    ImagesFile file = ImagesJsonReader.strict().read(repositoryRoot().resolve("images.json"));

    assertThat(file.imageNames())
        .containsExactly(
            "triton-origin-x86_64-21.4.0",
            "triton-origin-x86_64-23.4.0",
            "triton-origin-x86_64-24.4.1");
    ImageSpec last = file.images().get(2);
    assertThat(last.origin())
        .isEqualTo(
            new ImageSpec.Origin(
                "41bd4100-eb86-409a-85b0-e649aadf6f62", "minimal-64-lts", "24.4.1"));
    assertThat(last.pkgsrc()).containsExactly("coreutils", "curl", "gsed", "patch", "sudo");
    assertThat(last.protoMinMemoryMb()).isEqualTo(1024);
    assertThat(last.upgrade()).isFalse();
    assertThat(last.packageName()).isNull();
  }

  @Test
  void parse_everyExtension_readsEachField() {
    String json =
        """
        [{
          "namePrefix": "triton-origin-x86_64",
          "desc": "with every optional field",
          "origin": {"uuid": "41BD4100-EB86-409A-85B0-E649AADF6F62",
                     "name": "minimal-64-lts", "version": "24.4.1"},
          "pkgsrc": [],
          "protoMinMemoryMb": "2048",
          "package": "g4-highcpu-2G",
          "networks": ["external", "a7199134-7e94-11ec-be67-db6f482136c2"],
          "upgrade": true,
          "audit": true,
          "script": ["rm -rf /opt/local/share/doc", "\\tindented", ""],
          "tags": {"role": "origin", "size": 2, "lts": true},
          "metadata": {"note": "line one\\nline two"},
          "homepage": "https://github.com/TritonDataCenter/triton-origin-image"
        }]
        """;

    ImageSpec spec = ImagesJsonReader.strict().parse("ext.json", json).images().get(0);

    assertThat(spec.origin().uuid()).isEqualTo("41bd4100-eb86-409a-85b0-e649aadf6f62");
    assertThat(spec.pkgsrc()).isEmpty();
    assertThat(spec.protoMinMemoryMb()).isEqualTo(2048);
    assertThat(spec.packageName()).isEqualTo("g4-highcpu-2G");
    assertThat(spec.networks()).containsExactly("external", "a7199134-7e94-11ec-be67-db6f482136c2");
    assertThat(spec.upgrade()).isTrue();
    assertThat(spec.audit()).isTrue();
    assertThat(spec.script()).containsExactly("rm -rf /opt/local/share/doc", "\tindented", "");
    assertThat(spec.tags())
        .containsExactly(Map.entry("role", "origin"), Map.entry("size", 2), Map.entry("lts", true));
    assertThat(spec.metadata()).containsExactly(Map.entry("note", "line one\nline two"));
    assertThat(spec.homepage())
        .isEqualTo("https://github.com/TritonDataCenter/triton-origin-image");
  }

  @Test
  void parse_knownBrokenOriginWithOverride_accepts() {
    String json = ImagesJsonCorpusTest.resource("known-broken-origin.json");

    ImagesFile file = ImagesJsonReader.strict().allowingKnownBrokenOrigins().parse("k.json", json);

    assertThat(file.imageNames()).containsExactly("triton-origin-x86_64-16.4.1");
  }

  @Test
  void parse_byteOrderMark_isIgnored() {
    ImagesFile file = ImagesJsonReader.strict().parse("bom.json", "\uFEFF[" + ENTRY + "]");

    assertThat(file.images()).hasSize(1);
  }

  @Test
  void parse_contentAfterArray_isRefused() {
    assertThatThrownBy(() -> ImagesJsonReader.strict().parse("two.json", "[" + ENTRY + "]\n[]"))
        .isInstanceOf(ImagesJsonException.class)
        .hasMessageContaining(
            "two.json:13:1: $: unexpected content after the top-level value; expected the file to"
                + " end there");
  }

  @Test
  void parse_emptyText_isRefused() {
    assertThatThrownBy(() -> ImagesJsonReader.strict().parse("empty.json", "  \n"))
        .hasMessageContaining("empty.json:1:1: $: the file is empty; expected a JSON array");
  }

  @Test
  void parse_deepNesting_isRefusedWithoutStackOverflow() {
    String deep = "[".repeat(5000) + "]".repeat(5000);

    ImagesJsonException e =
        catchThrowableOfType(
            ImagesJsonException.class, () -> ImagesJsonReader.strict().parse("deep.json", deep));

    assertThat(e.problems())
        .map(Object::toString)
        .first()
        .asString()
        .isEqualTo(
            "deep.json:1:16: $: nested more than 16 levels deep; images.json is an array of flat"
                + " objects");
  }

  @Test
  void parse_textOverFourMebibytes_isRefused() {
    String huge = "[" + " ".repeat(ImagesJsonReader.MAX_FILE_CHARS) + "]";

    assertThatThrownBy(() -> ImagesJsonReader.strict().parse("huge.json", huge))
        .hasMessageContaining("huge.json: is 4194306 characters; images files are at most 4 MiB");
  }

  @Test
  void read_file_namesThePathInMessages(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("images.json");
    Files.writeString(file, "{}");

    assertThatThrownBy(() -> ImagesJsonReader.strict().read(file))
        .hasMessageContaining(file + ":1:1: $: expected a JSON array of image objects");
  }

  @Test
  void read_missingFile_saysSo(@TempDir Path dir) {
    Path file = dir.resolve("nope.json");

    assertThatThrownBy(() -> ImagesJsonReader.strict().read(file))
        .isInstanceOf(ImagesJsonException.class)
        .hasMessageContaining(file + ": no such file; give the path of the images file");
  }

  @Test
  void read_notUtf8_saysSo(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("latin1.json");
    Files.write(file, new byte[] {'[', '"', (byte) 0xE9, '"', ']'});

    assertThatThrownBy(() -> ImagesJsonReader.strict().read(file))
        .hasMessageContaining(file + ": is not valid UTF-8 text; save it as UTF-8");
  }

  @Test
  void select_namesInOnly_keepsFileOrder() {
    ImagesFile file = ImagesJsonReader.strict().read(repositoryRoot().resolve("images.json"));

    List<ImageSpec> selected =
        file.select(List.of("triton-origin-x86_64-24.4.1", "triton-origin-x86_64-21.4.0"));

    assertThat(selected)
        .map(ImageSpec::imageName)
        .containsExactly("triton-origin-x86_64-21.4.0", "triton-origin-x86_64-24.4.1");
    assertThat(file.select(List.of())).hasSize(3);
  }

  @Test
  void select_unknownName_suggestsTheClosest() {
    ImagesFile file = ImagesJsonReader.strict().read(repositoryRoot().resolve("images.json"));

    assertThatThrownBy(() -> file.select(List.of("triton-origin-x86_64-24.4")))
        .isInstanceOf(TritonException.class)
        .hasMessageContaining(
            "only names images that "
                + repositoryRoot().resolve("images.json")
                + " does not define: 'triton-origin-x86_64-24.4' (did you mean"
                + " 'triton-origin-x86_64-24.4.1'?)");
  }

  /** Finds the repository root from the module directory Maven runs tests in. */
  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("images.json"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("a parent directory holding images.json").isNotNull();
    return dir;
  }
}
