package org.tritondatacenter.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
 * with exit status 2 and one clean message naming the file, position, field, flag or value, without
 * a stack trace; nothing is written to the datacenter or the state file.
 */
class BadInputCommandTest {
  private static final String CORPUS = "/org/tritondatacenter/origin/images/bad/";

  /** A problem line as core prints it: the file, line, column and a JSON path. */
  private static final Pattern PROBLEM_LINE =
      Pattern.compile("^  \\S*images\\.json:\\d+:\\d+: \\$\\S*: ");

  @RegisterExtension static final LocalTritonExtension triton = FlowFixture.triton();

  @TempDir Path dir;

  /** What the command line must report for one file of the corpus. */
  record Expected(String file, int problems, String first) {
    @Override
    public String toString() {
      return file;
    }
  }

  private static Expected expect(String file, int problems, String first) {
    return new Expected(file, problems, first);
  }

  /**
   * The bad files of core's images reader corpus (in core's test jar), each with how many problems
   * core's ImagesJsonCorpusTest expects and the position, JSON path and start of the first one.
   * Every problem in this corpus has a position, even invalid JSON and an empty array (at {@code
   * $}).
   */
  static List<Expected> corpus() {
    return List.of(
        expect("absurd-memory.json", 2, "11:25: $[0].protoMinMemoryMb: 2097152 MiB is more than"),
        expect("control-characters.json", 4, "3:19: $[0].namePrefix: contains the control"),
        expect("duplicate-image-names.json", 1, "13:3: $[1]: duplicate image name"),
        expect("duplicate-package-names.json", 1, "10:45: $[0].pkgsrc[3]: duplicate package"),
        expect("duplicated-key.json", 1, "12:5: $[0].desc: duplicated key 'desc'"),
        expect("empty-array.json", 1, "1:1: $: the array is empty"),
        expect("empty-package-name.json", 1, "10:29: $[0].pkgsrc[1]: empty package name"),
        expect("huge-strings.json", 3, "3:19: $[0].namePrefix: is 600 characters long"),
        expect("invalid-json.json", 1, "5:5: $: invalid JSON: expected ','"),
        expect("known-broken-origin.json", 1, "5:15: $[0].origin: origin base-64-lts@16.4.1"),
        expect("malformed-uuid.json", 1, "6:15: $[0].origin.uuid: expected a UUID"),
        expect("missing-required.json", 3, "2:3: $[0]: missing required key 'desc'"),
        expect("negative-memory.json", 2, "11:25: $[0].protoMinMemoryMb: must be a positive"),
        expect("non-ascii-names.json", 2, "3:19: $[0].namePrefix: contains the non-ASCII"),
        expect("not-an-array.json", 1, "1:1: $: expected a JSON array of image objects"),
        expect("path-like-names.json", 3, "3:19: $[0].namePrefix: '../x' looks like a path"),
        expect("reserved-names.json", 5, "12:14: $[0].tags['triton-origin.spec']: tag"),
        expect("several-errors.json", 8, "6:15: $[0].origin.uuid: expected a UUID"),
        expect("trailing-comma.json", 1, "10:31: $: invalid JSON: a ',' comes right before"),
        expect("truncated.json", 1, "8:1: $: unexpected end of file (truncated?)"),
        expect("unknown-key.json", 3, "2:3: $[0]: missing required key 'namePrefix'"),
        expect("wrong-types.json", 9, "3:19: $[0].namePrefix: expected a string, got a number"));
  }

  @Test
  void corpus_listsEveryFileOfCoresCorpus() throws Exception {
    URL dir = BadInputCommandTest.class.getResource(CORPUS);
    assertThat(dir).as("core's test resources %s", CORPUS).isNotNull();
    List<String> files;
    if (dir.getProtocol().equals("file")) {
      try (Stream<Path> list = Files.list(Path.of(dir.toURI()))) {
        files = list.map(f -> f.getFileName().toString()).toList();
      }
    } else {
      // Core's test classes come from its test jar when the reactor does not build core.
      JarURLConnection jar = (JarURLConnection) dir.openConnection();
      // An uncached JarFile of its own, so closing it leaves the class loader's copy open.
      jar.setUseCaches(false);
      try (JarFile file = jar.getJarFile()) {
        String prefix = CORPUS.substring(1);
        files =
            file.stream()
                .map(JarEntry::getName)
                .filter(n -> n.startsWith(prefix) && n.length() > prefix.length())
                .map(n -> n.substring(prefix.length()))
                .toList();
      }
    }

    assertThat(corpus()).map(Expected::file).containsExactlyInAnyOrderElementsOf(files);
  }

  private static String resource(String file) throws IOException {
    try (InputStream in = BadInputCommandTest.class.getResourceAsStream(CORPUS + file)) {
      assertThat(in).as("core's test resource %s", file).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void build_badImagesFile_exitsTwoNamingEachProblemAndSendsNothing(
      Expected expected, LocalTriton t) throws Exception {
    Cli cli = FlowFixture.cli(dir, t);
    Files.writeString(cli.work.resolve("images.json"), resource(expected.file()));

    Cli.Result r =
        cli.run(FlowTest.concat(new String[] {"build"}, FlowFixture.stamp("20250301T000000Z")));

    assertThat(r.status()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains(
            "images.json is not a valid images file ("
                + expected.problems()
                + (expected.problems() == 1 ? " problem):" : " problems):"))
        .contains(cli.work.resolve("images.json") + ":" + expected.first())
        .doesNotContain("\tat ", "Exception")
        .doesNotContainPattern("[\\x00-\\x08\\x0b-\\x1f\\x7f]");
    assertThat(r.err().lines().filter(l -> PROBLEM_LINE.matcher(l).find()))
        .as("every problem with its line, column and JSON path")
        .hasSize(expected.problems());
    assertThat(r.out()).isEmpty();
    assertThat(t.requests().all()).as("nothing sent, nothing written").isEmpty();
    assertThat(cli.work.resolve(StateOptions.DEFAULT_FILE)).as("no state file").doesNotExist();
  }

  @Test
  void exportAndPublish_pathsLeavingTheAccountOrBadChannel_exitTwoBeforeAnyWrite(LocalTriton t)
      throws Exception {
    Cli cli = FlowFixture.cli(dir, t);
    String[] build = {"build", "--only", "triton-origin-x86_64-24.4.1"};
    Cli.Result built = cli.run(FlowTest.concat(build, FlowFixture.stamp("20250302T000000Z")));
    assertThat(built.status()).as(built.toString()).isZero();
    Path state = cli.work.resolve(StateOptions.DEFAULT_FILE);
    String recorded = Files.readString(state);
    int before = t.requests().all().size();

    Cli.Result climbing = cli.run("export", "--path", "/alice/public/../../bob/x");
    Cli.Result elsewhere = cli.run("export", "--path", "/bob/public/builds/x");
    Cli.Result channel =
        cli.run("publish", "--from", "/alice/stor/builds/x", "--channel", "re lease");

    assertThat(climbing.status()).as(climbing.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(climbing.err()).contains("--path", "'..'").doesNotContain("\tat ");
    assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(elsewhere.err())
        .contains("--path /bob/public/builds/x", "outside the Manta account 'alice'")
        .doesNotContain("\tat ");
    assertThat(channel.status()).as(channel.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(channel.err()).contains("--channel", "'re lease'").doesNotContain("\tat ");
    assertThat(t.requests().all().subList(before, t.requests().all().size()))
        .extracting(r -> r.method())
        .as("nothing written")
        .doesNotContain("PUT", "POST", "DELETE");
    assertThat(Files.readString(state))
        .as("the state file is as the build left it")
        .isEqualTo(recorded);
  }

  @Test
  void everyCommandLineTest_runsUnderTheSuiteSecretGuard() {
    assertThat(SuiteSecretGuard.guarding()).isTrue();
  }
}
