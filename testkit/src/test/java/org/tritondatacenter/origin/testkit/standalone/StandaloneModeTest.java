package org.tritondatacenter.origin.testkit.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.testkit.KeyKind;
import org.tritondatacenter.origin.testkit.TestKey;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.support.RequestSigner;

/**
 * One standalone local Triton, started in a child JVM as a user starts it, with an extra key, a
 * sub-user, a seed file, an env file and request logging.
 */
class StandaloneModeTest {
  private static final String ORIGIN = "5e4c3f98-aca4-11ee-9db8-00151714048c";
  private static final String IMAGES_JSON =
      """
      [{"namePrefix": "triton-origin-x86_64",
        "origin": {"uuid": "%s", "name": "minimal-64-lts", "version": "23.4.0"},
        "pkgsrc": ["curl"], "protoMinMemoryMb": 1024}]
      """
          .formatted(ORIGIN);

  @TempDir static Path home;
  @TempDir static Path dir;
  private static StandaloneProcess triton;
  private static TestKey extraKey;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeAll
  static void start() throws Exception {
    extraKey = KeyFiles.generate(KeyKind.ECDSA_P256, dir, "extra");
    Path seed = Files.writeString(dir.resolve("images.json"), IMAGES_JSON);
    triton =
        StandaloneProcess.start(
            "--home",
            home.toString(),
            "--env-file",
            dir.resolve("triton.env").toString(),
            "--authorized-key",
            KeyFiles.pub(extraKey).toString(),
            "--sub-user",
            "bob",
            "--seed",
            seed.toString(),
            "--verbose");
  }

  @AfterAll
  static void stop() {
    if (triton != null) {
      triton.close();
    }
  }

  @Test
  void stdout_carriesOnlyExportsCommentsAndReady() {
    List<String> lines = triton.stdout();

    assertThat(lines).isNotEmpty().last().isEqualTo("# ready");
    assertThat(lines).allMatch(l -> l.matches("export [A-Z_0-9]+='[^']*'") || l.startsWith("# "));
    assertThat(triton.exports())
        .containsKeys(
            "TRITON_URL",
            "TRITON_ACCOUNT",
            "TRITON_KEY_ID",
            "MANTA_URL",
            "MANTA_USER",
            "MANTA_KEY_ID",
            "UPDATES_IMGADM_URL",
            "UPDATES_IMGADM_USER",
            "UPDATES_IMGADM_IDENTITY",
            "TRITON_ORIGIN_PUBLIC_IMGAPI_URL")
        .containsEntry("TRITON_PROFILE", "env")
        .containsEntry("TRITON_ACCOUNT", "alice")
        .doesNotContainKey("HOME");
    assertThat(lines).anyMatch(l -> l.startsWith("# ") && l.contains("HOME='" + home + "'"));
  }

  @Test
  void envFile_holdsTheSameLines() throws Exception {
    List<String> file = Files.readAllLines(dir.resolve("triton.env"), StandardCharsets.UTF_8);

    assertThat(file).isEqualTo(triton.stdout().subList(0, triton.stdout().size() - 1));
  }

  @Test
  void home_holdsTheExportedRsaKey() throws Exception {
    Path key = home.resolve(".ssh/id_rsa");
    TestKey rsa = KeyFiles.read(KeyKind.RSA, key);

    assertThat(Files.getPosixFilePermissions(key))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(rsa.publicKeyLine()).startsWith("ssh-rsa ");
    assertThat(triton.export("TRITON_KEY_ID")).isEqualTo(rsa.sha256Fingerprint());
    assertThat(triton.export("MANTA_KEY_ID")).isEqualTo(rsa.sha256Fingerprint());
    assertThat(triton.export("UPDATES_IMGADM_IDENTITY")).isEqualTo(key.toString());
  }

  @Test
  void authorizedKey_signsCloudApiAndManta() throws Exception {
    HttpResponse<String> images =
        get(triton.url("TRITON_URL").resolve("/alice/images"), signer(ServiceKind.CLOUDAPI));
    HttpResponse<String> stor =
        get(triton.url("MANTA_URL").resolve("/alice/stor"), signer(ServiceKind.MANTA));

    assertThat(images.statusCode()).isEqualTo(200);
    assertThat(stor.statusCode()).isEqualTo(200);
    String key = " -> 200 by alice key " + extraKey.md5Fingerprint();
    assertLogged("cloudapi ListImages GET /alice/images" + key);
    assertLogged("manta ListDirectory GET /alice/stor" + key);
  }

  @Test
  void subUser_signsWithTheAccountsKey() throws Exception {
    TestKey rsa = KeyFiles.read(KeyKind.RSA, home.resolve(".ssh/id_rsa"));
    RequestSigner cloud = RequestSigner.of(ServiceKind.CLOUDAPI, rsa, "alice").subUser("bob");
    RequestSigner manta = RequestSigner.of(ServiceKind.MANTA, rsa, "alice").subUser("bob");

    HttpResponse<String> packages = get(triton.url("TRITON_URL").resolve("/alice/packages"), cloud);
    HttpResponse<String> stor = get(triton.url("MANTA_URL").resolve("/alice/stor"), manta);

    assertThat(packages.statusCode()).isEqualTo(200);
    assertThat(stor.statusCode()).isEqualTo(200);
    assertLogged("cloudapi ListPackages GET /alice/packages -> 200 by alice/bob key ");
    assertLogged("manta ListDirectory GET /alice/stor -> 200 by alice/bob key ");
  }

  @Test
  void seed_makesTheOriginActiveInCloudApiAndEveryChannel() throws Exception {
    HttpResponse<String> cloud =
        get(
            triton.url("TRITON_URL").resolve("/alice/images/" + ORIGIN),
            signer(ServiceKind.CLOUDAPI));
    assertThat(cloud.statusCode()).isEqualTo(200);
    assertThat(cloud.body()).contains("\"state\":\"active\"");

    for (String channel : List.of("dev", "experimental", "staging", "release", "support")) {
      HttpResponse<String> imgapi =
          get(
              triton.url("UPDATES_IMGADM_URL").resolve("/images/" + ORIGIN + "?channel=" + channel),
              null);
      assertThat(imgapi.statusCode()).as(channel).isEqualTo(200);
      assertThat(imgapi.body()).as(channel).contains("\"state\":\"active\"");
    }
  }

  @Test
  void verbose_logsEachRequestOnStderrOnly() throws Exception {
    get(triton.url("TRITON_URL").resolve("/alice/networks"), signer(ServiceKind.CLOUDAPI));
    get(triton.url("TRITON_URL").resolve("/alice/networks"), null);

    assertLogged("request #\\d+ cloudapi ListNetworks GET /alice/networks -> 200 by alice");
    assertLogged("request #\\d+ cloudapi ListNetworks GET /alice/networks -> 401 anonymous");
    assertThat(triton.stdout()).noneMatch(l -> l.contains("ListNetworks"));
  }

  private static void assertLogged(String regex) {
    assertThat(triton.awaitStderr(regex)).containsPattern(regex);
  }

  private static RequestSigner signer(ServiceKind kind) {
    RequestSigner signer = RequestSigner.of(kind, extraKey, "alice");
    return kind == ServiceKind.CLOUDAPI ? signer.signedHeaders("(request-target)", "date") : signer;
  }

  static HttpResponse<String> get(URI uri, RequestSigner signer) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).header("Accept", "*/*");
    if (signer != null) {
      signer.sign(b);
    }
    return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
