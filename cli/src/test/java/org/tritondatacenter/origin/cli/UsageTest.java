package org.tritondatacenter.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.steps.Step;
import org.tritondatacenter.origin.steps.StepParameter;

/** The command line's own surface: help, version, completion and bad usage. */
class UsageTest {
  @TempDir Path dir;
  Cli cli;

  @BeforeEach
  void setUp() throws Exception {
    cli = new Cli(dir);
  }

  @Test
  void version_printsTheBuildVersion() {
    Cli.Result r = cli.run("--version");

    assertThat(r.status()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("triton-origin ").doesNotContain("unknown");
  }

  @Test
  void unknownFlag_exitsTwoWithMessageAndNoStackTrace() {
    Cli.Result r = cli.run("list", "--colour");

    assertThat(r.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("Unknown option: '--colour'", "triton-origin list --help");
    assertThat(r.err()).doesNotContain("\tat ", "Exception");
  }

  @Test
  void noCommand_exitsTwo() {
    Cli.Result r = cli.run();

    assertThat(r.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("give a command");
  }

  @Test
  void completion_printsAShellScriptForEveryCommand() {
    Cli.Result r = cli.run("completion");

    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("complete -F", "triton-origin", "channel-add", "release", "demo");
  }

  @Test
  void buildHelp_offersEveryContractParameterUnderItsKebabName() {
    Cli.Result r = cli.run("build", "--help");

    assertThat(r.status()).isZero();
    for (StepParameter p : Step.TRITON_ORIGIN_BUILD.parameters()) {
      if (!p.name().equals("imagesJson")) {
        assertThat(r.out()).contains(ContractOptions.flag(p.name()));
      }
    }
    assertThat(r.out()).contains("--keep-on-failure", "--timeout-minutes", "--git-commit");
  }

  @Test
  void channelAddHelp_namesFlagsAfterTheContract() {
    Cli.Result r = cli.run("channel-add", "--help");

    assertThat(r.out()).contains("--from-channel", "--channels", "--dry-run", "--uuids");
  }

  @Test
  void badContractValue_isReportedWithTheFlagName() {
    Cli.Result r = cli.run("channel-add", "--channels", "staging", "--uuids", "not-a-uuid");

    assertThat(r.status()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--uuids", "not-a-uuid").doesNotContain("'uuids'", "\tat ");
  }

  @Test
  void stateFile_withResumeAndNew_isRefused() {
    Cli.Result r = cli.run("export", "--resume", "--new");

    assertThat(r.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--resume or --new, not both");
  }

  @Test
  void gc_withBadThreshold_namesTheFlag() {
    Cli.Result r = cli.run("gc", "--older-than", "soon");

    assertThat(r.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--older-than", "'soon'");
  }
}
