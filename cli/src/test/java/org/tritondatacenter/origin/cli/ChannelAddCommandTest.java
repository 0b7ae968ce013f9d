package org.tritondatacenter.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.http.RequestRecord;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;

/**
 * {@code channel-add} against a local Triton, after a build, export and publish to dev: the dry run
 * writes nothing, the real run adds, a rerun finds the image already there, and bad channels or
 * uuids end with exit status 2 before anything is sent.
 */
class ChannelAddCommandTest {
  private static final String IMAGE = "triton-origin-x86_64-24.4.1";

  @RegisterExtension static final LocalTritonExtension triton = FlowFixture.triton();

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(triton);

  @TempDir Path dir;

  private Cli.Result run(Cli cli, String... args) {
    Cli.Result r = cli.run(args);
    secrets.record(r.out());
    secrets.record(r.err());
    return r;
  }

  /** Builds, exports and publishes one image to dev, and returns its uuid. */
  private String publishedToDev(Cli cli, String timestamp) throws IOException {
    String[] build = {"build", "--only", IMAGE};
    Cli.Result built = run(cli, FlowTest.concat(build, FlowFixture.stamp(timestamp)));
    assertThat(built.status()).as(built.toString()).isZero();
    Cli.Result exported = run(cli, "export");
    assertThat(exported.status()).as(exported.toString()).isZero();
    Cli.Result published = run(cli, "publish", "--channel", "dev", "--json");
    assertThat(published.status()).as(published.toString()).isZero();
    String uuid =
        Json.mapper().readTree(published.out()).path("images").path(0).path("uuid").asText();
    assertThat(uuid).matches("[0-9a-f-]{36}");
    return uuid;
  }

  private static List<String> channels(LocalTriton t, String uuid) {
    Object channels = t.imgapi("updates").image(uuid).orElseThrow().get("channels");
    assertThat(channels).isInstanceOf(List.class);
    return ((List<?>) channels).stream().map(Object::toString).toList();
  }

  private static List<RequestRecord> writesSince(LocalTriton t, int before) {
    List<RequestRecord> all = t.requests().all();
    return all.subList(before, all.size()).stream()
        .filter(r -> !r.method().equals("GET") && !r.method().equals("HEAD"))
        .toList();
  }

  @Test
  void channelAdd_dryRunThenRunThenRerun_reportsWouldAddAddedAlreadyPresent(LocalTriton t)
      throws IOException {
    Cli cli = FlowFixture.cli(dir, t);
    String uuid = publishedToDev(cli, "20250401T000000Z");
    Path state = cli.work.resolve(StateOptions.DEFAULT_FILE);
    String stateBefore = Files.readString(state);
    int before = t.requests().all().size();

    Cli.Result dryRun =
        run(cli, "channel-add", "--uuids", uuid, "--channels", "staging", "--dry-run", "--json");

    assertThat(dryRun.status()).as(dryRun.toString()).isZero();
    JsonNode wouldAdd = Json.mapper().readTree(dryRun.out()).path("changes");
    assertThat(wouldAdd).hasSize(1);
    assertThat(wouldAdd.path(0).path("uuid").asText()).isEqualTo(uuid);
    assertThat(wouldAdd.path(0).path("channel").asText()).isEqualTo("staging");
    assertThat(wouldAdd.path(0).path("result").asText()).isEqualTo("would-add");
    assertThat(writesSince(t, before)).as("a dry run sends no PUT, POST or DELETE").isEmpty();
    assertThat(channels(t, uuid)).containsExactly("dev");
    assertThat(Files.readString(state))
        .as("a dry run leaves the state file")
        .isEqualTo(stateBefore);

    Cli.Result added = run(cli, "channel-add", "--uuids", uuid, "--channels", "staging");

    assertThat(added.status()).as(added.toString()).isZero();
    assertThat(added.out()).contains(uuid, IMAGE, "staging", "added");
    assertThat(channels(t, uuid)).containsExactlyInAnyOrder("dev", "staging");
    assertThat(writesSince(t, before))
        .as("the one write is the image's ChannelAddImage (the new channel goes in the body)")
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.operation()).isEqualTo("ChannelAddImage");
              assertThat(r.pathAndQuery()).contains("/images/" + uuid, "action=channel-add");
            });

    int beforeRerun = t.requests().all().size();
    Cli.Result rerun = run(cli, "channel-add", "--uuids", uuid, "--channels", "staging", "--json");

    assertThat(rerun.status()).as(rerun.toString()).isZero();
    assertThat(Json.mapper().readTree(rerun.out()).path("changes").findValuesAsText("result"))
        .containsExactly("already-present");
    assertThat(writesSince(t, beforeRerun)).as("a rerun changes nothing").isEmpty();
    assertThat(channels(t, uuid)).containsExactlyInAnyOrder("dev", "staging");
  }

  @Test
  void channelAdd_byNameAndVersion_addsTheImageOfThatVersionOnly(LocalTriton t) throws IOException {
    Cli cli = FlowFixture.cli(dir, t);
    String uuid = publishedToDev(cli, "20250402T000000Z");
    String version = FlowFixture.version("20250402T000000Z");

    Cli.Result r =
        run(
            cli,
            "channel-add",
            "--name",
            IMAGE,
            "--version",
            version,
            "--channels",
            "staging,release",
            "--json");

    assertThat(r.status()).as(r.toString()).isZero();
    JsonNode changes = Json.mapper().readTree(r.out()).path("changes");
    assertThat(changes.findValuesAsText("uuid")).containsOnly(uuid);
    assertThat(changes.findValuesAsText("channel")).containsExactlyInAnyOrder("staging", "release");
    assertThat(changes.findValuesAsText("result")).containsOnly("added");
    assertThat(channels(t, uuid)).containsExactlyInAnyOrder("dev", "staging", "release");
  }

  @Test
  void channelAdd_versionNobodyPublished_exitsNotFoundNamingTheChannel(LocalTriton t)
      throws IOException {
    Cli cli = FlowFixture.cli(dir, t);

    Cli.Result r =
        run(
            cli,
            "channel-add",
            "--name",
            IMAGE,
            "--version",
            "master-20990101T000000Z-gabcdef0",
            "--channels",
            "staging");

    assertThat(r.status()).as(r.toString()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(r.err()).contains("no image matches in channel dev", IMAGE).doesNotContain("\tat ");
  }

  @Test
  void channelAdd_unknownChannel_exitsTwoNamingTheServersChannels(LocalTriton t)
      throws IOException {
    Cli cli = FlowFixture.cli(dir, t);
    int before = t.requests().all().size();

    Cli.Result r =
        run(
            cli,
            "channel-add",
            "--uuids",
            "41bd4100-eb86-409a-85b0-e649aadf6f62",
            "--channels",
            "nightly");

    assertThat(r.status()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains("has no channel nightly", "its channels are dev, experimental, staging")
        .doesNotContain("\tat ");
    assertThat(writesSince(t, before)).isEmpty();
    assertThat(cli.work.resolve(StateOptions.DEFAULT_FILE)).doesNotExist();
  }

  @Test
  void channelAdd_malformedUuid_exitsTwoNamingTheFlagAndValueBeforeAnyRequest(LocalTriton t)
      throws IOException {
    Cli cli = FlowFixture.cli(dir, t);
    int before = t.requests().all().size();

    Cli.Result r = run(cli, "channel-add", "--uuids", "not-a-uuid", "--channels", "staging");

    assertThat(r.status()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--uuids", "not-a-uuid").doesNotContain("\tat ");
    assertThat(t.requests().all()).hasSize(before);
    assertThat(cli.work.resolve(StateOptions.DEFAULT_FILE)).doesNotExist();
  }

  @Test
  void channelAdd_uuidsAndNameTogether_exitsTwoNamingBothFlags(LocalTriton t) throws IOException {
    Cli cli = FlowFixture.cli(dir, t);
    int before = t.requests().all().size();

    Cli.Result r =
        run(
            cli,
            "channel-add",
            "--uuids",
            "41bd4100-eb86-409a-85b0-e649aadf6f62",
            "--name",
            IMAGE,
            "--version",
            "1",
            "--channels",
            "staging");

    assertThat(r.status()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--uuids", "--name", "--version").doesNotContain("\tat ");
    assertThat(t.requests().all()).hasSize(before);
  }
}
