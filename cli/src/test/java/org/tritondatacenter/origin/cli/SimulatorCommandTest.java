package org.tritondatacenter.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code triton-origin simulator} as a process: the exports, then "# ready", until stopped. */
class SimulatorCommandTest {
  @TempDir Path dir;

  @Test
  void simulator_printsExportsThenReady_andStopsOnSigterm() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "simulator",
                "--home",
                dir.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        lines.add(line);
        if (line.equals("# ready")) {
          break;
        }
      }
      process.destroy();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }

    assertThat(lines).last().isEqualTo("# ready");
    assertThat(lines)
        .anyMatch(l -> l.startsWith("export TRITON_URL='http://127.0.0.1:"))
        .anyMatch(l -> l.startsWith("export MANTA_URL="))
        .anyMatch(l -> l.startsWith("export UPDATES_IMGADM_URL="));
    assertThat(dir.resolve(".ssh/id_rsa")).exists();
  }

  @Test
  void simulator_withUnknownOption_exitsTwo() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "simulator",
                "--bogus")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isEqualTo(2);
    assertThat(output).contains("unknown option --bogus");
  }
}
