package org.tritondatacenter.origin.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.TritonException;

class FileRunRecordStoreTest {
  @TempDir Path dir;

  @Test
  void load_whenNothingSaved_isEmpty() {
    try (FileRunRecordStore store = FileRunRecordStore.open(dir.resolve("run.json"))) {
      assertThat(store.load()).isEmpty();
    }
  }

  @Test
  void save_replacesTheFileAndLeavesNoTemporaryFile() throws Exception {
    Path file = dir.resolve("sub/run.json");
    try (FileRunRecordStore store = FileRunRecordStore.open(file)) {
      store.save("{\"schema\":1,\"a\":1}");
      store.save("{\"schema\":1,\"a\":2}");

      assertThat(store.load()).contains("{\"schema\":1,\"a\":2}");
    }
    assertThat(Files.readString(file)).isEqualTo("{\"schema\":1,\"a\":2}");
    try (var files = Files.list(file.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("run.json", "run.json.lock");
    }
  }

  @Test
  void open_whenAlreadyOpen_refusesNamingTheFile() {
    Path file = dir.resolve("run.json");
    try (FileRunRecordStore first = FileRunRecordStore.open(file)) {
      assertThatThrownBy(() -> FileRunRecordStore.open(file))
          .isInstanceOf(TritonException.class)
          .hasMessageContaining(file.toString())
          .hasMessageContaining("in use");
    }
    try (FileRunRecordStore again = FileRunRecordStore.open(file)) {
      assertThat(again.file()).isEqualTo(file.toAbsolutePath());
    }
  }

  @Test
  void save_onAnInterruptedThread_stillSavesAndKeepsTheInterrupt() {
    try (FileRunRecordStore store = FileRunRecordStore.open(dir.resolve("run.json"))) {
      Thread.currentThread().interrupt();
      try {
        store.save("{\"schema\":1}");

        assertThat(Thread.currentThread().isInterrupted()).isTrue();
      } finally {
        Thread.interrupted();
      }
      assertThat(store.load()).contains("{\"schema\":1}");
    }
  }
}
