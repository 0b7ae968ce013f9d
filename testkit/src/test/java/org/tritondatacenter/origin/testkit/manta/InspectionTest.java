package org.tritondatacenter.origin.testkit.manta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server-side store, the inspection API and the leak report. */
class InspectionTest {
  @TempDir Path dataDir;
  MantaFixture f;

  @BeforeEach
  void start() {
    f = new MantaFixture(dataDir);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private static ByteArrayInputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void store_putObject_isVisibleOverHttp() throws Exception {
    f.mkdir("/alice/stor/exports");

    f.manta
        .store()
        .putObject("/alice/stor/exports/m.imgmanifest", "application/json", stream("{}"), 2);

    assertThat(f.get("/alice/stor/exports/m.imgmanifest").body()).isEqualTo("{}");
    assertThat(f.manta.object("/alice/stor/exports/m.imgmanifest").orElseThrow().contentType())
        .isEqualTo("application/json");
  }

  @Test
  void store_putObjectWithoutParent_throwsNoSuchFile() {
    assertThatThrownBy(() -> f.manta.store().putObject("/alice/stor/none/x", null, stream("x"), 1))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("/alice/stor/none does not exist");
  }

  @Test
  void store_putObjectUnderAnObject_throwsNotDirectory() throws Exception {
    f.put("/alice/stor/file", "x");

    assertThatThrownBy(() -> f.manta.store().putObject("/alice/stor/file/x", null, stream("x"), 1))
        .isInstanceOf(NotDirectoryException.class);
  }

  @Test
  void store_putObjectShortOfItsSize_keepsTheOlderObject() throws Exception {
    f.put("/alice/stor/o", "old");

    assertThatThrownBy(() -> f.manta.store().putObject("/alice/stor/o", null, stream("new"), 10))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("should be 10 bytes");
    assertThat(new String(f.manta.read("/alice/stor/o").readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("old");
    assertThat(f.manta.strayObjects()).isEmpty();
  }

  @Test
  void store_isDirectoryAndExists_reflectTheTree() throws Exception {
    f.put("/alice/stor/o", "x");

    assertThat(f.manta.store().isDirectory("/alice/stor")).isTrue();
    assertThat(f.manta.store().isDirectory("/alice/stor/o")).isFalse();
    assertThat(f.manta.store().exists("/alice/stor/o")).isTrue();
    assertThat(f.manta.store().exists("/alice/stor/p")).isFalse();
    assertThat(f.manta.store().isDirectory("/bob/stor")).isTrue();
  }

  @Test
  void strayObjects_defaultPrefixes_acceptTheAccountsAreas() throws Exception {
    f.put("/alice/stor/o", "x");
    f.put("/alice/public/p", "x");

    assertThat(f.manta.strayObjects()).isEmpty();
  }

  @Test
  void strayObjects_narrowedPrefixes_listObjectsOutside() throws Exception {
    f.mkdir("/alice/stor/builds");
    f.put("/alice/stor/builds/ok", "x");
    f.put("/alice/stor/tmp-file", "x");

    f.manta.expectPaths("/alice/stor/builds/");

    assertThat(f.manta.strayObjects()).containsExactly("/alice/stor/tmp-file");
  }

  @Test
  void expectPaths_relativePrefix_isRefusedWithTheValue() {
    assertThatThrownBy(() -> f.manta.expectPaths("alice/stor"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("alice/stor");
  }

  @Test
  void read_missingObject_throwsNoSuchFile() {
    assertThatThrownBy(() -> f.manta.read("/alice/stor/none"))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void listAndObjectPaths_areSorted() throws Exception {
    f.mkdir("/alice/stor/d");
    f.put("/alice/stor/d/b", "x");
    f.put("/alice/stor/d/a", "x");

    assertThat(f.manta.list("/alice/stor/d")).containsExactly("a", "b");
    assertThat(f.manta.objectPaths()).containsExactly("/alice/stor/d/a", "/alice/stor/d/b");
    assertThat(f.manta.list("/alice/stor/d/a")).isEmpty();
  }

  @Test
  void close_removesTheStorageDirectory() throws Exception {
    f.put("/alice/stor/o", "x");

    f.close();

    try (var files = java.nio.file.Files.list(dataDir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void byteRange_parse_coversTheForms() {
    assertThat(ByteRange.parse("bytes=0-9", 5)).isEqualTo(new ByteRange(0, 4));
    assertThat(ByteRange.parse("bytes=-2", 5)).isEqualTo(new ByteRange(3, 4));
    assertThat(ByteRange.parse("bytes=-0", 5)).isSameAs(ByteRange.UNSATISFIABLE);
    assertThat(ByteRange.parse("bytes=5-", 5)).isSameAs(ByteRange.UNSATISFIABLE);
    assertThat(ByteRange.parse("bytes=3-1", 5)).isNull();
    assertThat(ByteRange.parse("items=0-1", 5)).isNull();
  }
}
