package org.tritondatacenter.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.LocalTritonOptions;

/**
 * Commands that read, and bad input, against a local Triton seeded for the repository's
 * images.json: exit codes, output and what reached the server.
 */
class ReadCommandsTest {
  static final Path IMAGES_JSON = Path.of("..", "images.json");

  @TempDir static Path shared;
  static LocalTriton triton;

  @TempDir Path dir;
  Cli cli;

  @BeforeAll
  static void startTriton() throws IOException {
    triton =
        LocalTriton.start(
            LocalTritonOptions.builder()
                .seedImagesJson(Files.readString(IMAGES_JSON))
                .home(shared.resolve("home"))
                .build());
  }

  @AfterAll
  static void stopTriton() {
    triton.close();
  }

  @BeforeEach
  void setUp() throws IOException {
    cli = new Cli(dir);
    cli.env.putAll(triton.exports());
    Files.copy(IMAGES_JSON, cli.work.resolve("images.json"));
    // The user's ~/.ssh holds the key the exports name by fingerprint.
    Path ssh = Files.createDirectories(cli.home.resolve(".ssh"));
    for (String name : new String[] {"id_rsa", "id_rsa.pub"}) {
      Files.copy(shared.resolve("home/.ssh").resolve(name), ssh.resolve(name));
    }
  }

  @Test
  void list_latestByName_showsOneRowPerNameWithChannels() {
    Cli.Result r = cli.run("list", "--name", "minimal-64");

    assertThat(r.status()).as(r.toString()).isZero();
    assertThat(r.out().lines()).hasSize(2);
    assertThat(r.out()).contains("UUID", "CHANNELS", "minimal-64-lts", "24.4.1", "dev,");
  }

  @Test
  void list_allAsJson_printsEveryVersionAsManifests() throws IOException {
    Cli.Result r = cli.run("list", "--name", "minimal-64", "--all", "--json");

    assertThat(r.status()).as(r.toString()).isZero();
    JsonNode images = Json.mapper().readTree(r.out());
    assertThat(images).hasSize(3);
    assertThat(images.get(0).path("uuid").asText()).matches("[0-9a-f-]{36}");
    assertThat(images.findValuesAsText("version")).contains("21.4.0", "23.4.0", "24.4.1");
  }

  @Test
  void list_withVersion_filtersExactly() {
    Cli.Result r = cli.run("list", "--name", "minimal", "--version", "23.4.0", "--all");

    assertThat(r.out()).contains("5e4c3f98-aca4-11ee-9db8-00151714048c").doesNotContain("24.4.1");
  }

  @Test
  void list_inChannelTheServerDoesNotHave_exitsTwoNamingItsChannels() {
    Cli.Result r = cli.run("list", "--channel", "nightly");

    assertThat(r.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains("has no channel nightly", "its channels are dev, experimental, staging")
        .doesNotContain("\tat ");
  }

  @Test
  void list_verbose_tracesRequestsWithSignaturesRedacted() {
    Cli.Result r = cli.run("list", "--name", "minimal", "--verbose");

    assertThat(r.status()).as(r.toString()).isZero();
    assertThat(r.err()).contains("GET ", "/images");
    assertThat(r.err()).containsIgnoringCase("authorization");
    assertThat(r.err()).doesNotContainPattern("signature=\"[A-Za-z0-9+/]{20,}");
  }

  @Test
  void list_throughUnreachableProxy_failsAndNoProxyBypassesIt() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    cli.env.put("HTTP_PROXY", "http://127.0.0.1:" + closed);

    Cli.Result viaProxy = cli.run("list");
    cli.env.put("NO_PROXY", "127.0.0.1");
    Cli.Result direct = cli.run("list");

    assertThat(viaProxy.status()).as(viaProxy.toString()).isEqualTo(ExitCodes.FAILED);
    assertThat(viaProxy.err()).contains("127.0.0.1:" + closed);
    assertThat(direct.status()).as(direct.toString()).isZero();
  }

  @Test
  void list_withUnreadableKey_exitsTwoNamingTheSettingAndFile() {
    cli.env.put("UPDATES_IMGADM_IDENTITY", "/no/such/key");

    Cli.Result r = cli.run("list", "--imgapi-user", triton.account());

    assertThat(r.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains("the IMGAPI key (UPDATES_IMGADM_IDENTITY)", "/no/such/key", "does not exist")
        .doesNotContain("\tat ");
  }

  @Test
  void plan_withSimulatorSettings_printsNamesVersionsAndMantaDir() {
    Cli.Result r =
        cli.run(
            "plan",
            "--branch",
            "feature/x",
            "--timestamp",
            "20250116T175211Z",
            "--git-commit",
            "abcdef0123");

    assertThat(r.status()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains(
            "triton-origin-x86_64-21.4.0",
            "feature-x-20250116T175211Z-gabcdef0",
            "/alice/public/builds/triton-origin-image/feature-x-20250116T175211Z",
            "minimal-64-lts@24.4.1",
            "Publish to channel the IMGAPI's default; release to staging, release, support");
  }

  @Test
  void plan_withChannelAsJson_namesThePublishAndReleaseChannels() throws IOException {
    Cli.Result r =
        cli.run(
            "plan",
            "--json",
            "--channel",
            "experimental",
            "--branch",
            "feature/x",
            "--timestamp",
            "20250116T175211Z",
            "--git-commit",
            "abcdef0123");

    assertThat(r.status()).as(r.toString()).isZero();
    JsonNode plan = Json.mapper().readTree(r.out());
    assertThat(plan.path("channel").asText()).isEqualTo("experimental");
    assertThat(plan.path("releaseChannels"))
        .extracting(JsonNode::asText)
        .containsExactly("staging", "release", "support");
    assertThat(plan.path("problems")).isEmpty();
  }

  @Test
  void plan_withMissingUrls_exitsTwoNamingTheVariables() {
    cli.env.clear();

    Cli.Result r =
        cli.run(
            "plan", "--branch", "b", "--timestamp", "20250116T175211Z", "--git-commit", "abcdef0");

    assertThat(r.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).contains("TRITON_URL or SDC_URL", "MANTA_URL");
  }

  @Test
  void plan_withBadImagesJson_exitsTwoNamingFileLineAndPath() throws IOException {
    Files.writeString(
        cli.work.resolve("images.json"),
        "[\n  {\"namePrefix\": \"x\", \"desc\": \"d\", \"origin\": {\"uuid\": \"nope\","
            + " \"name\": \"n\", \"version\": \"1\"}, \"pkgsrc\": [], \"protoMinMemoryMb\": 1024,"
            + " \"colour\": 1}\n]\n");

    Cli.Result r =
        cli.run(
            "plan", "--branch", "b", "--timestamp", "20250116T175211Z", "--git-commit", "abcdef0");

    assertThat(r.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("images.json", "colour", "uuid").doesNotContain("\tat ");
  }

  @Test
  void build_withUnfinishedRunInStateFile_refusesWithoutResume() throws IOException {
    Path state = cli.work.resolve(".triton-origin/state.json");
    Files.createDirectories(state.getParent());
    Files.writeString(state, "{\"schema\": 1, \"build\": {\"buildId\": \"x\"}}\n");

    Cli.Result r =
        cli.run(
            "build", "--branch", "b", "--timestamp", "20250116T175211Z", "--git-commit", "abcdef0");

    assertThat(r.status()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains("records an unfinished build", "--resume", "--new", state.toString());
    assertThat(Files.readString(state)).contains("\"buildId\": \"x\"");
  }

  @Test
  void export_withoutBuildInStateFile_saysToBuildFirst() {
    Cli.Result r = cli.run("export");

    assertThat(r.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("holds no finished build", "triton-origin build");
  }

  @Test
  void publish_intoChannelTheServerDoesNotHave_exitsTwo() {
    Cli.Result r =
        cli.run(
            "publish",
            "--from",
            "/alice/public/builds/triton-origin-image/master-20250116T175211Z",
            "--channel",
            "nightly");

    assertThat(r.status()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("has no channel nightly");
  }
}
