package org.tritondatacenter.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;

/**
 * Ctrl-C, a crash and the state file: an interrupted build cleans up and says how to go on; a
 * killed one is resumed with {@code --resume} without a second machine, or its leftovers are found
 * and removed by {@code gc}.
 */
class InterruptAndResumeTest {
  @RegisterExtension static final LocalTritonExtension triton = FlowFixture.triton();

  @TempDir Path dir;

  @Test
  void build_interruptedByCtrlC_cleansUpExitsOneThirtyAndGuardsTheStateFile(LocalTriton t)
      throws Exception {
    Cli cli = FlowFixture.cli(dir, t);
    String[] args = FlowTest.concat(new String[] {"build"}, FlowFixture.stamp("20250119T000000Z"));
    CompletableFuture<Cli.Result> running = CompletableFuture.supplyAsync(() -> cli.run(args));
    await(() -> !t.cloud().undeletedMachines().isEmpty(), "a machine to exist");

    cli.interruption.trigger();
    Cli.Result r = running.get(60, TimeUnit.SECONDS);

    assertThat(r.status()).as(r.toString()).isEqualTo(ExitCodes.INTERRUPTED);
    assertThat(r.err()).contains("interrupted", "Cleanup ran", "--resume").doesNotContain("\tat ");
    assertThat(t.leakReport().isEmpty()).as(t.leakReport() + "\n" + r).isTrue();
    Cli.Result again = cli.run(args);
    assertThat(again.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(again.err()).contains("unfinished build");
  }

  @Test
  void build_receivingSigintTwice_cleansUpExitsOneThirtyAndKeepsTheStateFileWhole(LocalTriton t)
      throws Exception {
    Cli cli = FlowFixture.cli(dir, t);
    Process process = start(cli, "build", "--only", "triton-origin-x86_64-24.4.1");
    try {
      await(() -> !t.cloud().undeletedMachines().isEmpty(), "a machine to exist");
      for (int i = 0; i < 2; i++) {
        Process kill =
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }
    String log = Files.readString(cli.work.resolve("crash.log"));

    assertThat(process.exitValue()).as(log).isEqualTo(ExitCodes.INTERRUPTED);
    assertThat(log).contains("interrupted", "Cleanup ran");
    assertThat(t.cloud().undeletedMachines()).isEmpty();
    Path state = cli.work.resolve(".triton-origin/state.json");
    assertThat(Json.mapper().readTree(Files.readString(state)).path("schema").asInt()).isEqualTo(1);
    Cli.Result again =
        cli.run(FlowTest.concat(new String[] {"build"}, FlowFixture.stamp("20250120T000000Z")));
    assertThat(again.err()).contains("unfinished build");
  }

  @Test
  void build_killedMidway_resumesWithoutASecondMachine(LocalTriton t) throws Exception {
    Cli cli = FlowFixture.cli(dir, t);
    Path state = cli.work.resolve(".triton-origin/state.json");
    Process process = start(cli, "build", "--only", "triton-origin-x86_64-24.4.1");
    try {
      await(() -> !t.cloud().undeletedMachines().isEmpty(), "a machine to exist");
      await(() -> contains(state, "machine"), "the state file to record it");
    } finally {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    Cli.Result refused =
        cli.run(FlowTest.concat(new String[] {"build"}, FlowFixture.stamp("20250120T000000Z")));
    Cli.Result resumed =
        cli.run(
            FlowTest.concat(
                new String[] {"build", "--resume", "--only", "triton-origin-x86_64-24.4.1"},
                FlowFixture.stamp("20250120T000000Z")));

    assertThat(refused.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err()).contains("unfinished build", "--resume");
    assertThat(resumed.status()).as(resumed.toString()).isZero();
    // One image, one machine: the resumed build found the first instead of making another.
    assertThat(t.requests().count("CreateMachine")).isEqualTo(1);
    assertThat(t.cloud().undeletedMachines()).isEmpty();
  }

  @Test
  void gc_afterACrash_listsTheLeftoverAndDeletesItWhenAsked(LocalTriton t) throws Exception {
    Cli cli = FlowFixture.cli(dir, t);
    Path state = cli.work.resolve(".triton-origin/state.json");
    Process process = start(cli, "build", "--only", "triton-origin-x86_64-24.4.1");
    try {
      await(() -> !t.cloud().undeletedMachines().isEmpty(), "a machine to exist");
      await(() -> contains(state, "machine"), "the state file to record it");
    } finally {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    // The report reads "<uuid> (name ..., tags)".
    String machine = t.cloud().undeletedMachines().get(0).split(" ")[0];

    Cli.Result young = cli.run("gc");
    Cli.Result listed = cli.run("gc", "--older-than", "0s");
    List<String> afterListing = t.cloud().undeletedMachines();
    Cli.Result deleted = cli.run("gc", "--older-than", "0s", "--delete", "--json");

    assertThat(young.status()).as(young.toString()).isZero();
    assertThat(young.out()).contains(machine.substring(0, 8)).containsIgnoringCase("kept");
    assertThat(listed.status()).as(listed.toString()).isZero();
    assertThat(listed.out()).contains(machine.substring(0, 8));
    assertThat(afterListing).anyMatch(m -> m.startsWith(machine));
    assertThat(deleted.status()).as(deleted.toString()).isZero();
    assertThat(deleted.out()).contains(machine);
    assertThat(t.cloud().undeletedMachines()).isEmpty();
  }

  /** Starts the command line as its own process, so it can be killed without any cleanup. */
  private static Process start(Cli cli, String... command) throws IOException {
    return cli.spawn("crash.log", FlowTest.concat(command, FlowFixture.stamp("20250120T000000Z")));
  }

  private static boolean contains(Path file, String text) {
    try {
      return Files.exists(file) && Files.readString(file).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      // Polls a process and files this test does not control; there is no clock to advance.
      Thread.sleep(20);
    }
  }
}
