package org.tritondatacenter.origin.testkit.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tritondatacenter.origin.testkit.KeyKind;
import org.tritondatacenter.origin.testkit.TestKey;
import org.tritondatacenter.origin.testkit.clients.NodeClients.Result;
import org.tritondatacenter.origin.testkit.standalone.KeyFiles;
import org.tritondatacenter.origin.testkit.standalone.StandaloneProcess;

/**
 * The official Node.js clients, unchanged, against the standalone local Triton: node-triton's
 * image, package and instance commands and node-manta's {@code mmkdir}, {@code mput}, {@code mget}
 * and {@code mls}, signing with an RSA and with an ECDSA P-256 key. An Ed25519 key is refused, as
 * the real services refuse it. Skipped, saying why, only where {@code node} or {@code npm} is
 * missing.
 */
class RealClientsIT {
  @TempDir static Path home;
  @TempDir static Path work;
  private static NodeClients clients;
  private static StandaloneProcess triton;
  private static final Map<KeyKind, TestKey> KEYS = new HashMap<>();
  private static Path file;
  private static Optional<String> missing = Optional.empty();

  @BeforeAll
  static void start() throws Exception {
    missing = NodeClients.missingTools();
    if (missing.isPresent()) {
      // Printed as well as reported, so the build log says why the tests were skipped.
      System.out.println("RealClientsIT skipped: " + missing.get());
      return;
    }
    Path target = Path.of(System.getProperty("basedir", ".")).resolve("target");
    clients = NodeClients.install(target.resolve("real-clients"), work.resolve("outputs"));
    KEYS.put(KeyKind.ECDSA_P256, KeyFiles.generate(KeyKind.ECDSA_P256, home, "id_ecdsa"));
    KEYS.put(KeyKind.ED25519, KeyFiles.generate(KeyKind.ED25519, home, "id_ed25519"));
    triton =
        StandaloneProcess.start(
            "--home",
            home.toString(),
            "--time-scale",
            "60",
            "--verbose",
            "--authorized-key",
            KeyFiles.pub(KEYS.get(KeyKind.ECDSA_P256)).toString(),
            "--authorized-key",
            KeyFiles.pub(KEYS.get(KeyKind.ED25519)).toString());
    KEYS.put(KeyKind.RSA, KeyFiles.read(KeyKind.RSA, home.resolve(".ssh/id_rsa")));
    byte[] bytes = new byte[3 * 1024 * 1024 + 17];
    new Random(7).nextBytes(bytes);
    file = Files.write(work.resolve("payload.bin"), bytes);
  }

  @BeforeEach
  void requireNode() {
    Assumptions.assumeTrue(
        missing.isEmpty(), () -> "the Node.js clients cannot run here: " + missing.orElseThrow());
  }

  @AfterAll
  static void stop() {
    if (triton != null) {
      triton.close();
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"RSA", "ECDSA_P256"})
  void triton_imagesPackagesAndAnInstanceLifecycle_succeed(KeyKind kind) {
    Map<String, String> env = env(kind);
    String name = "rc-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');

    assertThat(ok(clients.triton(env, "images")).stdout()).contains("base-64-lts");
    assertThat(ok(clients.triton(env, "package", "list")).stdout()).contains("sample-512M");
    assertThat(
            ok(clients.triton(
                    env,
                    "instance",
                    "create",
                    "-w",
                    "-n",
                    name,
                    "-m",
                    "purpose=real-clients",
                    "base-64-lts",
                    "sample-512M"))
                .stdout())
        .contains("Created instance " + name);
    assertThat(ok(clients.triton(env, "instance", "get", name)).stdout())
        .contains("\"state\": \"running\"");
    assertThat(ok(clients.triton(env, "instance", "metadata", "list", name)).stdout())
        .contains("\"purpose\": \"real-clients\"");
    assertThat(ok(clients.triton(env, "instance", "metadata", "get", name, "purpose")).stdout())
        .isEqualToIgnoringNewLines("real-clients");
    ok(clients.triton(env, "instance", "delete", "-w", "-f", name));
    assertThat(ok(clients.triton(env, "instance", "list", "-H", "-o", "name")).stdout())
        .doesNotContain(name);

    assertLogged("CreateMachine POST /alice/machines -> 201 " + signer(kind));
    assertLogged("DeleteMachine DELETE /alice/machines/\\S+ -> 204 " + signer(kind));
  }

  @Test
  void triton_accountAndKeys_showTheAccountAndEveryRegisteredKey() {
    Map<String, String> env = env(KeyKind.RSA);

    assertThat(ok(clients.triton(env, "account", "get")).stdout()).contains("login: alice");
    assertThat(ok(clients.triton(env, "keys")).stdout())
        .contains(
            KEYS.get(KeyKind.RSA).md5Fingerprint(),
            KEYS.get(KeyKind.ECDSA_P256).md5Fingerprint(),
            KEYS.get(KeyKind.ED25519).md5Fingerprint());
    assertThat(ok(clients.triton(env, "info")).stdout()).contains("login: alice");
  }

  @ParameterizedTest
  @EnumSource(names = {"RSA", "ECDSA_P256"})
  void manta_mkdirPutGetAndList_succeed(KeyKind kind) throws Exception {
    Map<String, String> env = env(kind);
    String dir = "~~/stor/rc-" + kind.name().toLowerCase(Locale.ROOT);
    Path copy = work.resolve("copy-" + kind + ".bin");

    ok(clients.manta(env, "mmkdir", "-p", dir + "/a/b"));
    ok(clients.manta(env, "mput", "-f", file.toString(), dir + "/a/b/f.bin"));
    // The first PUT is refused before 100 Continue (missing parent); mput -p then makes the
    // parents and sends the file again, which works only because none of it was read.
    ok(clients.manta(env, "mput", "-p", "-f", file.toString(), dir + "/new/deeper/g.bin"));
    ok(clients.manta(env, "mget", "-o", copy.toString(), dir + "/new/deeper/g.bin"));
    Result listing = ok(clients.manta(env, "mls", dir + "/a/b"));

    assertThat(Files.mismatch(copy, file)).isEqualTo(-1L);
    assertThat(listing.stdout().lines()).containsExactly("f.bin");
    String path = "/alice/stor/rc-" + kind.name().toLowerCase(Locale.ROOT);
    assertLogged("PutObject PUT " + path + "/new/deeper/g.bin -> 404 " + signer(kind) + " in=0 ");
    assertLogged("PutObject PUT " + path + "/new/deeper/g.bin -> 204 " + signer(kind));
  }

  @Test
  void ed25519Key_isRefusedByCloudApiAndManta_withInvalidHeader() {
    Map<String, String> env = env(KeyKind.ED25519);

    Result images = clients.triton(env, "images");
    Result listing = clients.manta(env, "mls", "~~/stor");

    assertThat(images.status()).as(images.toString()).isNotZero();
    assertThat(images.output()).contains("InvalidHeader", "ed25519-sha512");
    assertThat(listing.status()).as(listing.toString()).isNotZero();
    assertThat(listing.output()).contains("InvalidHeader");
    assertLogged(
        "cloudapi ListImages GET /alice/images\\S* -> 400 anonymous auth-failed: InvalidHeader");
    assertLogged("manta \\w+ \\w+ /alice/stor -> 400 anonymous auth-failed: InvalidHeader");
  }

  @Test
  void tls_clientsRefuseTheSelfSignedCertificate_unlessToldInsecure() throws Exception {
    Path tlsHome = Files.createDirectories(work.resolve("tls-home"));
    try (StandaloneProcess tls = StandaloneProcess.start("--tls", "--home", tlsHome.toString())) {
      Map<String, String> insecure = new HashMap<>(tls.exports());
      insecure.put("HOME", tlsHome.toString());
      Map<String, String> strict = new HashMap<>(insecure);
      strict.remove("TRITON_TLS_INSECURE");

      Result refused = clients.triton(strict, "images");
      Result images = clients.triton(insecure, "images");
      Result listing = clients.manta(insecure, "mls", "~~/stor");

      assertThat(refused.status()).as(refused.toString()).isNotZero();
      assertThat(refused.output()).containsIgnoringCase("self-signed");
      assertThat(ok(images).stdout()).contains("base-64-lts");
      ok(listing);
    }
  }

  /** The exports, with the key of {@code kind} chosen by its SHA-256 fingerprint. */
  private static Map<String, String> env(KeyKind kind) {
    Map<String, String> env = new HashMap<>(triton.exports());
    env.put("HOME", home.toString());
    env.put("TRITON_KEY_ID", KEYS.get(kind).sha256Fingerprint());
    env.put("MANTA_KEY_ID", KEYS.get(kind).sha256Fingerprint());
    return env;
  }

  /** The request log's words for a request that this key signed. */
  private static String signer(KeyKind kind) {
    return "by alice key " + KEYS.get(kind).md5Fingerprint();
  }

  private static Result ok(Result result) {
    assertThat(result.status()).as(result.toString()).isZero();
    return result;
  }

  private static void assertLogged(String regex) {
    assertThat(triton.awaitStderr(regex)).containsPattern(regex);
  }
}
