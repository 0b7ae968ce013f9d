package org.tritondatacenter.origin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {
  @TempDir Path scratch;

  @Test
  void resultValues_severalResultLines_keepsTheLastOnly() {
    Map<String, String> values =
        Launcher.resultValues(
            List.of(
                "RESULT seconds=9 bytes=1",
                "some log line",
                "RESULT seconds=2.5 bytes=2048 mbps=0.0008",
                "done"));

    assertThat(values)
        .containsExactly(
            Map.entry("seconds", "2.5"), Map.entry("bytes", "2048"), Map.entry("mbps", "0.0008"));
  }

  @Test
  void run_shellCommand_capturesOutputExitCodeAndEnvironment() {
    Launcher launcher = new Launcher(scratch);

    ProcessResult result =
        launcher.run(
            List.of("sh", "-c", "echo \"RESULT who=$BENCH_WHO\"; exit 3"),
            Map.of("BENCH_WHO", "bench"),
            Duration.ofSeconds(30));

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.values()).containsEntry("who", "bench");
    assertThat(result.wallSeconds()).isGreaterThanOrEqualTo(0);
    if (launcher.measuresRss()) {
      assertThat(result.peakRssKib()).isPositive();
    }
  }

  @Test
  void run_emptyValue_removesTheVariable() {
    Launcher launcher = new Launcher(scratch);

    ProcessResult result =
        launcher.run(
            List.of("sh", "-c", "echo \"RESULT home=${HOME:-unset}\""),
            Map.of("HOME", ""),
            Duration.ofSeconds(30));

    assertThat(result.values()).containsEntry("home", "unset");
  }
}
