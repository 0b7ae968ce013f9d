package org.tritondatacenter.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Branch and commit from git in the working directory, and the refusal of a dirty tree whether the
 * stamps come from git or from the flags; the demo stamps its own images and runs from a dirty
 * tree.
 */
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
    makeDirty();

    Cli.Result refused = cli.run("build");
    Cli.Result allowed = cli.run("build", "--allow-dirty");

    assertThat(refused.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err()).contains("uncommitted changes", "--allow-dirty");
    // Allowed, the build gets as far as the missing configuration.
    assertThat(allowed.err()).doesNotContain("uncommitted").contains("TRITON_URL");
  }

  private void makeDirty() throws IOException {
    Files.writeString(cli.work.resolve("images.json"), "\n", StandardOpenOption.APPEND);
  }

  private static String[] stamped(String... args) {
    return FlowTest.concat(args, FlowFixture.stamp("20250116T175211Z"));
  }

  @Test
  void build_withExplicitStampsInDirtyCheckout_isRefusedUnlessAllowed() throws IOException {
    makeDirty();

    Cli.Result refused = cli.run(stamped("build"));
    Cli.Result allowed = cli.run(stamped("build", "--allow-dirty"));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err())
        .contains(cli.work.toString(), "uncommitted changes", "--allow-dirty")
        .doesNotContain("\tat ");
    assertThat(allowed.err()).doesNotContain("uncommitted").contains("TRITON_URL");
    assertThat(cli.work.resolve(StateOptions.DEFAULT_FILE)).doesNotExist();
  }

  @Test
  void build_withExplicitStampsInCleanCheckout_goesOn() {
    Cli.Result r = cli.run(stamped("build"));

    assertThat(r.err()).doesNotContain("uncommitted").contains("TRITON_URL");
  }

  @Test
  void build_withExplicitStampsBelowTheTopOfADirtyCheckout_isRefused() throws Exception {
    Cli nested = new Cli(cli.work.resolve("nested"));
    Files.copy(cli.work.resolve("images.json"), nested.work.resolve("images.json"));
    Cli.Result clean = nested.run(stamped("build"));
    makeDirty();

    Cli.Result dirty = nested.run(stamped("build"));

    assertThat(clean.err()).as("untracked files do not count").doesNotContain("uncommitted");
    assertThat(dirty.status()).as(dirty.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(dirty.err()).contains("uncommitted changes", "--allow-dirty");
  }

  @Test
  void build_withExplicitStampsOnDetachedHead_checksChangesWithoutNeedingTheBranch()
      throws Exception {
    git("checkout", "-q", "--detach");

    Cli.Result clean = cli.run(stamped("build"));
    makeDirty();
    Cli.Result dirty = cli.run(stamped("build"));

    assertThat(clean.err()).doesNotContain("detached", "uncommitted").contains("TRITON_URL");
    assertThat(dirty.status()).as(dirty.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(dirty.err()).contains("uncommitted changes").doesNotContain("detached");
  }

  @Test
  void plan_withExplicitStampsInDirtyCheckout_showsThePlan() throws IOException {
    makeDirty();

    Cli.Result r = cli.run(stamped("plan"));

    assertThat(r.err()).doesNotContain("uncommitted");
    assertThat(r.out()).contains("Plan for", "master", "TRITON_URL or SDC_URL");
  }

  @Test
  void demo_fromADirtyCheckout_runsToTheEnd() throws IOException {
    // One image of the repository's file: a faster demo, and a change git sees as uncommitted.
    JsonNode images = Json.mapper().readTree(cli.work.resolve("images.json").toFile());
    ArrayNode one = Json.mapper().createArrayNode().add(images.get(0));
    Files.writeString(
        cli.work.resolve("images.json"),
        Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(one));
    assertThat(cli.run(stamped("build")).err()).contains("uncommitted changes");

    Cli.Result r = cli.run("demo", "--time-scale", "400");

    assertThat(r.status()).as(r.toString()).isZero();
    assertThat(r.out()).contains("built:     1 images", "leftovers: none");
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
