package org.tritondatacenter.origin.testkit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.tritondatacenter.origin.testkit.KeyKind;
import org.tritondatacenter.origin.testkit.TestKey;
import org.tritondatacenter.origin.testkit.auth.AuthServer.Answer;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.support.RequestSigner;

/** Keys made by OpenSSH register and verify, and keys made here are readable by OpenSSH. */
class SshKeygenInteropTest {
  private static AuthServer server;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    assumeTrue(onPath("ssh-keygen"), "ssh-keygen is not installed; skipping OpenSSH interop");
    server = new AuthServer();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "rsa,2048,RSA",
    "ecdsa,256,ECDSA_P256",
    "ecdsa,384,ECDSA_P384",
    "ecdsa,521,ECDSA_P521",
    "ed25519,0,ED25519"
  })
  void sshKeygenKey_registers_withOpenSshFingerprints(String type, int bits, KeyKind kind)
      throws Exception {
    Path key = sshKeygen(type, bits, "carol-" + type);
    String line = Files.readString(key.resolveSibling(key.getFileName() + ".pub")).strip();
    String login = "carol-" + kind.name().toLowerCase(java.util.Locale.ROOT);
    server.accounts.addAccount(login);

    server.accounts.addKey(login, null, line);

    AccountKey registered = server.accounts.keys(login, null).get(0);
    assertThat("MD5:" + registered.md5Fingerprint()).isEqualTo(fingerprint(key, "md5"));
    assertThat(registered.sha256Fingerprint()).isEqualTo(fingerprint(key, "sha256"));
    assertThat(registered.publicKeyLine()).isEqualTo(line);
  }

  @ParameterizedTest
  @CsvSource({"rsa,2048,RSA", "ecdsa,256,ECDSA_P256", "ecdsa,521,ECDSA_P521"})
  void sshKeygenKey_signsRequestsThatVerify(String type, int bits, KeyKind kind) throws Exception {
    Path key = sshKeygen(type, bits, "dave");
    String line = Files.readString(key.resolveSibling(key.getFileName() + ".pub")).strip();
    String login = "dave-" + kind.name().toLowerCase(java.util.Locale.ROOT);
    server.accounts.addAccount(login);
    server.accounts.addKey(login, null, line);
    AccountKey registered = server.accounts.keys(login, null).get(0);
    TestKey testKey =
        new TestKey(
            kind,
            Files.readString(key),
            line,
            registered.md5Fingerprint(),
            registered.sha256Fingerprint(),
            key);

    for (ServiceKind service : List.of(ServiceKind.CLOUDAPI, ServiceKind.MANTA)) {
      Answer answer =
          server.get(service, "/" + login + "/required", RequestSigner.of(service, testKey, login));

      assertThat(answer.status()).as("%s %s", service, answer.body()).isEqualTo(200);
      assertThat(answer.get("account")).isEqualTo(login);
    }
  }

  @ParameterizedTest
  @EnumSource(KeyKind.class)
  void generatedKey_isReadByOpenSsh(KeyKind kind) throws Exception {
    TestKey key = KeyGenerator.generate(kind, "erin@test");
    Path file = dir.resolve("id_" + kind);
    Files.writeString(file, key.privateKeyText());
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    String derived = run("ssh-keygen", "-y", "-f", file.toString());

    String[] ours = key.publicKeyLine().split(" ");
    String[] theirs = derived.strip().split(" ");
    assertThat(theirs[0]).isEqualTo(ours[0]);
    assertThat(theirs[1]).isEqualTo(ours[1]);
    assertThat(key.publicKeyLine()).endsWith(" erin@test");
  }

  private Path sshKeygen(String type, int bits, String comment) throws Exception {
    Path file = dir.resolve("id_" + type + bits);
    List<String> command = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type));
    if (bits > 0) {
      command.addAll(List.of("-b", Integer.toString(bits)));
    }
    command.addAll(List.of("-N", "", "-C", comment, "-f", file.toString()));
    run(command.toArray(String[]::new));
    return file;
  }

  /** Returns the second field of {@code ssh-keygen -l -E <hash>}: the fingerprint. */
  private static String fingerprint(Path key, String hash) throws Exception {
    Path pub = key.resolveSibling(key.getFileName() + ".pub");
    return run("ssh-keygen", "-l", "-E", hash, "-f", pub.toString()).split(" ")[1];
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), output).isZero();
    return output;
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, program))) {
        return true;
      }
    }
    return false;
  }
}
