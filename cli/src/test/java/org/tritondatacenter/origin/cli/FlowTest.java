package org.tritondatacenter.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;

/**
 * The job a person runs, command after command, against a local Triton: build, export, publish,
 * release, list, with {@code --json} and {@code --dry-run}; nothing is left behind and no secret
 * reaches the output.
 */
class FlowTest {
  @RegisterExtension static final LocalTritonExtension triton = FlowFixture.triton();

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(triton);

  @TempDir Path dir;

  private final List<Cli.Result> results = new ArrayList<>();

  private Cli.Result run(Cli cli, String... args) {
    Cli.Result r = cli.run(args);
    results.add(r);
    secrets.record(r.out());
    secrets.record(r.err());
    return r;
  }

  @Test
  void buildExportPublishRelease_inARow_needNoIds(LocalTriton t) throws IOException {
    Cli cli = FlowFixture.cli(dir, t);
    String ts = "20250116T175211Z";
    String version = FlowFixture.version(ts);

    Cli.Result build = run(cli, concat(new String[] {"build", "--json"}, FlowFixture.stamp(ts)));
    assertThat(build.status()).as(build.toString()).isZero();
    JsonNode built = Json.mapper().readTree(build.out());
    assertThat(built.path("images")).hasSize(3);
    assertThat(built.path("images").findValuesAsText("version")).containsOnly(version);

    Cli.Result export = run(cli, "export");
    assertThat(export.status()).as(export.toString()).isZero();
    assertThat(export.out())
        .contains("/alice/public/builds/triton-origin-image/master-" + ts, "md5".toUpperCase());

    Cli.Result publish = run(cli, "publish", "--channel", "dev", "--json");
    assertThat(publish.status()).as(publish.toString()).isZero();
    assertThat(Json.mapper().readTree(publish.out()).path("images").findValuesAsText("result"))
        .containsOnly("published")
        .hasSize(3);

    Cli.Result again = run(cli, "publish", "--channel", "dev");
    assertThat(again.status()).as(again.toString()).isZero();
    assertThat(again.out()).contains("already-published").doesNotContain(" published");

    Cli.Result dryRun = run(cli, "release", "--version", version, "--dry-run", "--json");
    assertThat(dryRun.status()).as(dryRun.toString()).isZero();
    assertThat(Json.mapper().readTree(dryRun.out()).path("changes").findValuesAsText("result"))
        .containsOnly("would-add")
        .hasSize(9);
    assertThat(t.imgapi("updates").unactivatedImages()).isEmpty();

    Cli.Result unconfirmed = run(cli, "release", "--version", version);
    assertThat(unconfirmed.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(unconfirmed.err()).contains("--yes");

    Cli.Result release = run(cli, "release", "--version", version, "--yes");
    assertThat(release.status()).as(release.toString()).isZero();
    assertThat(release.out()).contains("staging", "release", "support", "added");

    Cli.Result list = run(cli, "list", "--channel", "support");
    assertThat(list.status()).as(list.toString()).isZero();
    assertThat(list.out().lines().filter(l -> l.contains("triton-origin-x86_64"))).hasSize(3);
    assertThat(list.out()).contains(version, "dev,", "support");
  }

  @Test
  void release_confirmedAtTheTerminal_addsExactlyTheImagesListed(LocalTriton t) throws IOException {
    Cli cli = FlowFixture.cli(dir, t);
    String ts = "20250117T080000Z";
    assertThat(run(cli, concat(new String[] {"build"}, FlowFixture.stamp(ts))).status()).isZero();
    assertThat(run(cli, "export").status()).isZero();
    assertThat(run(cli, "publish", "--channel", "dev").status()).isZero();
    cli.terminal = true;
    cli.input = "n\n";

    Cli.Result declined =
        run(cli, "release", "--version", FlowFixture.version(ts), "--channels", "staging");
    cli.input = "yes\n";
    Cli.Result confirmed =
        run(cli, "release", "--version", FlowFixture.version(ts), "--channels", "staging");

    assertThat(declined.status()).isEqualTo(ExitCodes.FAILED);
    assertThat(declined.err()).contains("Add these 3 images to staging?", "nothing changed");
    assertThat(confirmed.status()).as(confirmed.toString()).isZero();
    assertThat(confirmed.out()).contains("added");
  }

  @Test
  void release_ofAVersionNobodyBuilt_exitsNotFound(LocalTriton t) throws IOException {
    Cli cli = FlowFixture.cli(dir, t);

    Cli.Result r = run(cli, "release", "--version", "master-20990101T000000Z-gabcdef0", "--yes");

    assertThat(r.status()).as(r.toString()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(r.err()).contains("no image matches in channel dev");
  }

  @Test
  void export_toPathOutsideTheAccount_isRefusedBeforeAnythingIsWritten(LocalTriton t)
      throws IOException {
    Cli cli = FlowFixture.cli(dir, t);
    assertThat(
            run(cli, concat(new String[] {"build"}, FlowFixture.stamp("20250118T000000Z")))
                .status())
        .isZero();

    Cli.Result r = run(cli, "export", "--path", "/bob/public/builds/x");

    assertThat(r.status()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("outside the Manta account 'alice'");
    // The built images stay for a correct export; this test removes them itself.
    assertThat(run(cli, "export").status()).isZero();
  }

  @Test
  void publish_fromAnotherImgapiToThePublicOne_copiesThePublishedImages(LocalTriton t)
      throws IOException {
    Cli cli = FlowFixture.cli(dir, t);
    String ts = "20250121T000000Z";
    run(
        cli,
        FlowTest.concat(
            new String[] {"build", "--only", "triton-origin-x86_64-24.4.1"},
            FlowFixture.stamp(ts)));
    run(cli, "export");
    Cli.Result dev = run(cli, "publish", "--channel", "dev", "--json");
    String uuid = Json.mapper().readTree(dev.out()).path("images").path(0).path("uuid").asText();

    Cli.Result copy =
        run(
            cli,
            "publish",
            "--source-imgapi-url",
            t.imgapiUrl().toString(),
            "--source-imgapi-user",
            t.account(),
            "--uuids",
            uuid,
            "--imgapi",
            "public",
            "--make-public",
            "--json");

    assertThat(copy.status()).as(copy.toString()).isZero();
    assertThat(Json.mapper().readTree(copy.out()).path("images").path(0).path("result").asText())
        .isEqualTo("published");
    Cli.Result listed = run(cli, "list", "--imgapi", "public", "--name", "triton-origin-");
    assertThat(listed.out()).contains(uuid);
  }

  @Test
  void prune_keepingOnePerName_listsThenRemovesTheOlderBuildsAndImages(LocalTriton t)
      throws IOException {
    Cli cli = FlowFixture.cli(dir, t);
    String[] only = {"--only", "triton-origin-x86_64-24.4.1"};
    for (String ts : new String[] {"20250122T000000Z", "20250123T000000Z"}) {
      assertThat(
              run(cli, concat(concat(new String[] {"build"}, only), FlowFixture.stamp(ts)))
                  .status())
          .isZero();
      assertThat(run(cli, "export").status()).isZero();
      assertThat(run(cli, "publish", "--channel", "experimental").status()).isZero();
    }

    Cli.Result listed = run(cli, "prune", "--keep", "1");
    Cli.Result deleted = run(cli, "prune", "--keep", "1", "--delete", "--json");
    Cli.Result remaining =
        run(cli, "list", "--channel", "experimental", "--all", "--name", "triton-origin-");

    assertThat(listed.status()).as(listed.toString()).isZero();
    assertThat(listed.out()).contains("master-20250122T000000Z", "master-20250123T000000Z");
    assertThat(listed.err()).contains("--delete");
    assertThat(deleted.status()).as(deleted.toString()).isZero();
    assertThat(Json.mapper().readTree(deleted.out()).path("deleted").asBoolean()).isTrue();
    assertThat(remaining.out())
        .contains(FlowFixture.version("20250123T000000Z"))
        .doesNotContain(FlowFixture.version("20250122T000000Z"));
  }

  static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  static String read(Path file) throws IOException {
    return Files.readString(file);
  }
}
