package org.tritondatacenter.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testsupport.SuiteSecretGuard;

/**
 * Bad input through the command line: each file of core's corpus of bad images files as the working
 * directory's images.json, a Manta path outside the account, a channel name with a space. Each ends
 * with exit status 2 and one clean message naming the file, field or value, without a stack trace,
 * and nothing is sent to the datacenter.
 */
class BadInputCommandTest {
  private static final String CORPUS = "/org/tritondatacenter/origin/images/bad/";

  @RegisterExtension static final LocalTritonExtension triton = FlowFixture.triton();

  @TempDir Path dir;

  /** The bad files of core's images reader corpus (in core's test jar). */
  static List<String> corpus() {
    return List.of(
        "absurd-memory.json",
        "control-characters.json",
        "duplicate-image-names.json",
        "duplicate-package-names.json",
        "duplicated-key.json",
        "empty-array.json",
        "empty-package-name.json",
        "huge-strings.json",
        "invalid-json.json",
        "known-broken-origin.json",
        "malformed-uuid.json",
        "missing-required.json",
        "negative-memory.json",
        "non-ascii-names.json",
        "not-an-array.json",
        "path-like-names.json",
        "reserved-names.json",
        "several-errors.json",
        "trailing-comma.json",
        "truncated.json",
        "unknown-key.json",
        "wrong-types.json");
  }

  private static String resource(String file) throws IOException {
    try (InputStream in = BadInputCommandTest.class.getResourceAsStream(CORPUS + file)) {
      assertThat(in).as("core's test resource %s", file).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void build_badImagesFile_exitsTwoNamingEachProblemAndSendsNothing(String file, LocalTriton t)
      throws Exception {
    Cli cli = FlowFixture.buildCli(dir, t);
    Files.writeString(cli.work.resolve("images.json"), resource(file));

    Cli.Result r =
        cli.run(FlowTest.concat(new String[] {"build"}, FlowFixture.stamp("20250301T000000Z")));

    assertThat(r.status()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains("images.json is not a valid images file")
        .containsPattern("images\\.json(:\\d+:\\d+: \\$)?")
        .doesNotContain("\tat ", "Exception")
        .doesNotContainPattern("[\\x00-\\x08\\x0b-\\x1f\\x7f]");
    assertThat(r.out()).isEmpty();
    assertThat(t.requests().all()).as("nothing sent, nothing written").isEmpty();
  }

  @Test
  void exportAndPublish_pathsLeavingTheAccountOrBadChannel_exitTwoBeforeAnyWrite(LocalTriton t)
      throws Exception {
    Cli cli = FlowFixture.cli(dir, t);
    String[] build = {"build", "--only", "triton-origin-x86_64-24.4.1"};
    Cli.Result built = cli.run(FlowTest.concat(build, FlowFixture.stamp("20250302T000000Z")));
    assertThat(built.status()).as(built.toString()).isZero();
    int before = t.requests().all().size();

    Cli.Result climbing = cli.run("export", "--path", "/alice/public/../../bob/x");
    Cli.Result elsewhere = cli.run("export", "--path", "/bob/public/builds/x");
    Cli.Result channel =
        cli.run("publish", "--from", "/alice/stor/builds/x", "--channel", "re lease");

    assertThat(climbing.status()).as(climbing.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(climbing.err()).contains("--path", "'..'").doesNotContain("\tat ");
    assertThat(elsewhere.status()).as(elsewhere.toString()).isNotZero();
    assertThat(elsewhere.err()).contains("/bob/public/builds/x").doesNotContain("\tat ");
    assertThat(channel.status()).as(channel.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(channel.err()).contains("re lease").doesNotContain("\tat ");
    assertThat(t.requests().all().subList(before, t.requests().all().size()))
        .extracting(r -> r.method())
        .as("nothing written")
        .doesNotContain("PUT", "POST", "DELETE");
  }

  @Test
  void everyCommandLineTest_runsUnderTheSuiteSecretGuard() {
    assertThat(SuiteSecretGuard.guarding()).isTrue();
  }
}
