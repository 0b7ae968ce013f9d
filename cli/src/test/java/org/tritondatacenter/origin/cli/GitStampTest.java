package org.tritondatacenter.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Branch and commit from git in the working directory, and the refusal of a dirty tree. */
class GitStampTest {
  @TempDir Path dir;
  Cli cli;
  String commit;

  @BeforeEach
  void setUp() throws Exception {
    Assumptions.assumeTrue(
        List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
            .anyMatch(d -> Files.isExecutable(Path.of(d, "git"))),
        "git is not installed");
    cli = new Cli(dir);
    Files.copy(Path.of("..", "images.json"), cli.work.resolve("images.json"));
    git("init", "-q", "-b", "feature/stamp");
    git("add", "images.json");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "images");
    commit = git("rev-parse", "HEAD").strip();
  }

  private String git(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", cli.work.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  void plan_inACheckout_takesBranchAndCommitFromGit() {
    Cli.Result r = cli.run("plan", "--json", "--timestamp", "20250116T175211Z");

    assertThat(r.out())
        .contains("\"branch\" : \"feature-stamp\"", "\"gitCommit\" : \"" + commit + "\"");
  }

  @Test
  void build_withUncommittedChanges_isRefusedUnlessAllowed() throws IOException {
    Files.writeString(
        cli.work.resolve("images.json"), "\n", java.nio.file.StandardOpenOption.APPEND);

    Cli.Result refused = cli.run("build");
    Cli.Result allowed = cli.run("build", "--allow-dirty");

    assertThat(refused.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err()).contains("uncommitted changes", "--allow-dirty");
    // Allowed, the build gets as far as the missing configuration.
    assertThat(allowed.err()).doesNotContain("uncommitted").contains("TRITON_URL");
  }

  @Test
  void build_withUntrackedStateFileOnly_isNotDirty() throws IOException {
    Files.createDirectories(cli.work.resolve(".triton-origin"));
    Files.writeString(cli.work.resolve(".triton-origin/state.json"), "{\"schema\": 1}");

    Cli.Result r = cli.run("build");

    assertThat(r.err()).doesNotContain("uncommitted").contains("TRITON_URL");
  }

  @Test
  void debug_showsTheStackTraceOfAnError() {
    Cli.Result plain = cli.run("build", "--branch", "x");
    Cli.Result debug = cli.run("build", "--branch", "x", "--debug");

    assertThat(plain.err()).doesNotContain("\tat ");
    assertThat(debug.err()).contains("\tat org.tritondatacenter.origin");
  }
}
