package org.tritondatacenter.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.TritonException;

/** What a command continues from: finished results kept, unfinished runs guarded. */
class StateFileTest {
  static final String FINISHED =
      "{\"schema\": 1, \"build\": {\"result\": {\"buildId\": \"b\"}},"
          + " \"export\": {\"result\": {\"dir\": \"/a/x\"}},"
          + " \"publish\": {\"result\": {\"images\": []}}}";

  @TempDir Path dir;

  private Path file(String json) throws IOException {
    Path file = dir.resolve("state.json");
    Files.writeString(file, json);
    return file;
  }

  @Test
  void export_afterFinishedRun_keepsBuildAndClearsExportAndLater() throws IOException {
    Path file = file(FINISHED);

    try (StateFile state = StateFile.open(file, "export", false, false)) {
      assertThat(state.result("build"))
          .hasValueSatisfying(m -> assertThat(m).containsKey("buildId"));
      assertThat(state.result("export")).isEmpty();
      assertThat(state.result("publish")).isEmpty();
    }
  }

  @Test
  void build_afterFinishedRun_startsAnEmptyRecord() throws IOException {
    Path file = file(FINISHED);

    try (StateFile state = StateFile.open(file, "build", false, false)) {
      assertThat(state.result("build")).isEmpty();
    }
    assertThat(Files.readString(file)).doesNotContain("buildId", "/a/x");
  }

  @Test
  void unfinishedExport_isKeptWithResumeAndDiscardedWithNew() throws IOException {
    String unfinished =
        "{\"schema\": 1, \"build\": {\"result\": {\"buildId\": \"b\"}}, \"export\": {\"dir\":"
            + " \"/a/x\"}}";
    Path file = file(unfinished);

    try (StateFile state = StateFile.open(file, "export", true, false)) {
      assertThat(state.unfinished()).containsExactly("export");
    }
    try (StateFile state = StateFile.open(file, "export", false, true)) {
      assertThat(state.unfinished()).isEmpty();
      assertThat(state.result("build")).isPresent();
    }
  }

  @Test
  void resume_ofAnotherCommandsUnfinishedRun_namesThatCommand() throws IOException {
    Path file = file("{\"schema\": 1, \"build\": {\"machines\": []}}");

    assertThatThrownBy(() -> StateFile.open(file, "export", true, false))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("is a build")
        .hasMessageContaining("triton-origin build --resume");
  }

  @Test
  void secondOpen_whileTheFirstHoldsTheLock_isRefused() throws IOException {
    Path file = file(FINISHED);

    try (StateFile first = StateFile.open(file, "publish", false, false)) {
      assertThatThrownBy(() -> StateFile.open(file, "publish", false, false))
          .isInstanceOf(TritonException.class)
          .hasMessageContaining("in use by another triton-origin process");
    }
  }
}
