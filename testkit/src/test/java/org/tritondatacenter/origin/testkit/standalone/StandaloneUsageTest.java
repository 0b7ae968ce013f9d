package org.tritondatacenter.origin.testkit.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The standalone mode's answers to bad options and to {@code --help}. */
class StandaloneUsageTest {
  @TempDir static Path dir;

  static Stream<Arguments> badOptions() throws Exception {
    Path notAKey = Files.writeString(dir.resolve("notakey.pub"), "hello\n");
    Path brokenKey = Files.writeString(dir.resolve("broken.pub"), "ssh-rsa AAAAB3Nza\n");
    Path notAList = Files.writeString(dir.resolve("object.json"), "{\"origin\": {}}");
    Path noOrigin = Files.writeString(dir.resolve("noorigin.json"), "[{\"origin\": {}}]");
    Path missing = dir.resolve("missing.pub");
    return Stream.of(
        Arguments.of(List.of("--bogus"), "unknown option --bogus"),
        Arguments.of(List.of("--home"), "--home needs a value"),
        Arguments.of(List.of("--time-scale", "fast"), "--time-scale needs a positive number"),
        Arguments.of(List.of("--time-scale", "0"), "--time-scale needs a positive number"),
        Arguments.of(
            List.of("--authorized-key", missing.toString()),
            "--authorized-key " + missing + " cannot be read"),
        Arguments.of(
            List.of("--authorized-key", notAKey.toString()),
            "--authorized-key " + notAKey + " is not an OpenSSH public key"),
        Arguments.of(
            List.of("--authorized-key", brokenKey.toString()),
            "--authorized-key " + brokenKey + ": cannot register"),
        Arguments.of(
            List.of("--seed", notAList.toString()), "--seed " + notAList + ": images.json must"),
        Arguments.of(
            List.of("--seed", noOrigin.toString()),
            "--seed " + noOrigin + ": images.json entry 1: origin.uuid"),
        Arguments.of(
            List.of("--env-file", dir.resolve("no/such/dir/triton.env").toString()),
            "--env-file " + dir.resolve("no/such/dir/triton.env")));
  }

  @ParameterizedTest
  @MethodSource("badOptions")
  void badOption_exits2_withAMessageNamingIt(List<String> args, String message) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of("--home", dir.resolve("home").toString()));

    StandaloneProcess.Exit exit = StandaloneProcess.runToExit(all.toArray(String[]::new));

    assertThat(exit.status()).isEqualTo(2);
    assertThat(exit.stderr()).contains(message).doesNotContain("\tat ");
    assertThat(exit.stdout()).doesNotContain("# ready");
  }

  @Test
  void help_printsUsageAndExits0() {
    StandaloneProcess.Exit exit = StandaloneProcess.runToExit("--help");

    assertThat(exit.status()).isZero();
    assertThat(String.join("\n", exit.stdout()))
        .startsWith("Usage: triton-origin simulator")
        .contains("--authorized-key", "--seed", "--tls", "--verbose", "BENCHMARKS ONLY");
  }
}
