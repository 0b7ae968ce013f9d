package org.tritondatacenter.origin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tritondatacenter.origin.KeyException;
import org.tritondatacenter.origin.Service;

class SshAgentTest {
  private static final List<String> LOADED =
      List.of(
          "openssh-rsa",
          "openssh-ecdsa256",
          "openssh-ecdsa384",
          "openssh-ecdsa521",
          "openssh-ed25519");
  private static final byte[] DATA =
      "date: Tue, 08 Jan 2013 01:07:25 GMT".getBytes(StandardCharsets.UTF_8);

  @TempDir static Path dir;
  private static TestAgent agent;
  private static Map<String, SigningKey> keysBySha256;

  @BeforeAll
  static void startAgent() throws Exception {
    agent = TestAgent.start(dir);
    for (String name : LOADED) {
      agent.add(Fixtures.copy(name, dir));
    }
    keysBySha256 =
        agent.client().listIdentities().stream()
            .collect(Collectors.toMap(k -> k.fingerprint().sha256(), Function.identity()));
  }

  @AfterAll
  static void stopAgent() {
    if (agent != null) {
      agent.close();
    }
  }

  @Test
  void listIdentities_loadedKeys_fingerprintsAndTypesAsSshKeygenSays() {
    assertThat(keysBySha256.keySet())
        .containsExactlyInAnyOrderElementsOf(LOADED.stream().map(Fixtures::sha256).toList());
    for (String name : LOADED) {
      SigningKey key = keysBySha256.get(Fixtures.sha256(name));
      assertThat(key.type()).isEqualTo(Fixtures.expectedType(name));
      assertThat(key.fingerprint().md5()).isEqualTo(Fixtures.md5(name));
      assertThat(key.source()).isEqualTo("ssh-agent key 'fixture-" + name + "'");
      assertThat(key.publicKey().getEncoded())
          .isEqualTo(IndependentVerifier.publicKey(Fixtures.publicBlob(name)).getEncoded());
    }
  }

  @ParameterizedTest
  @CsvSource({
    "openssh-rsa, RSA_SHA1",
    "openssh-rsa, RSA_SHA256",
    "openssh-rsa, RSA_SHA512",
    "openssh-ecdsa256, ECDSA_SHA256",
    "openssh-ecdsa384, ECDSA_SHA384",
    "openssh-ecdsa521, ECDSA_SHA512",
    "openssh-ed25519, ED25519_SHA512"
  })
  void sign_agentKey_httpSignatureEncodingThatVerifies(String name, SignatureAlgorithm algorithm) {
    SigningKey key = keysBySha256.get(Fixtures.sha256(name));

    byte[] signature = key.sign(algorithm, DATA);

    assertThat(
            IndependentVerifier.verify(
                algorithm.wireName(),
                IndependentVerifier.publicKey(Fixtures.publicBlob(name)),
                DATA,
                signature))
        .isTrue();
  }

  @Test
  void authorization_agentRsaKey_headerVerifies() {
    SigningKey key = keysBySha256.get(Fixtures.sha256("openssh-rsa"));
    HttpSigner signer = HttpSigner.create(Service.IMGAPI, "mg", null, key, false);
    String date = "Tue, 08 Jan 2013 01:07:25 GMT";

    String header = signer.authorization(date, "GET", "/images");

    String signature = header.replaceAll(".*signature=\"([^\"]+)\"$", "$1");
    assertThat(header)
        .startsWith("Signature keyId=\"mg\",algorithm=\"rsa-sha256\",headers=\"date\",");
    assertThat(
            IndependentVerifier.verify(
                "rsa-sha256",
                IndependentVerifier.publicKey(Fixtures.publicBlob("openssh-rsa")),
                ("date: " + date).getBytes(StandardCharsets.UTF_8),
                java.util.Base64.getDecoder().decode(signature)))
        .isTrue();
  }

  @Test
  void sign_algorithmOfAnotherType_refusedWithoutAskingTheAgent() {
    SigningKey key = keysBySha256.get(Fixtures.sha256("openssh-ed25519"));

    KeyException e =
        catchThrowableOfType(
            KeyException.class, () -> key.sign(SignatureAlgorithm.ECDSA_SHA256, DATA));

    assertThat(e.getMessage()).contains("cannot make ecdsa-sha256", "ssh-agent key");
  }

  @Test
  void sign_keyRemovedAfterListing_saysTheAgentRefused(@TempDir Path own) throws Exception {
    try (TestAgent second = TestAgent.start(own)) {
      Path file = Fixtures.copy("openssh-ecdsa256", own);
      second.add(file);
      SigningKey key = second.client().listIdentities().get(0);
      java.nio.file.Files.copy(
          Fixtures.file("openssh-ecdsa256.pub"), own.resolve("openssh-ecdsa256.pub"));
      second.remove(own.resolve("openssh-ecdsa256.pub"));

      KeyException e =
          catchThrowableOfType(
              KeyException.class, () -> key.sign(SignatureAlgorithm.ECDSA_SHA256, DATA));

      assertThat(e.getMessage())
          .contains(second.socket().toString(), "refused to sign", "ssh-add")
          .contains(Fixtures.sha256("openssh-ecdsa256"));
    }
  }

  @Test
  void listIdentities_emptyAgent_emptyList(@TempDir Path own) throws Exception {
    try (TestAgent empty = TestAgent.start(own)) {
      assertThat(empty.client().listIdentities()).isEmpty();
    }
  }

  @Test
  void listIdentities_noAgentOnTheSocket_namesTheSocketAndWhatToDo(@TempDir Path own) {
    Path socket = own.resolve("gone.sock");

    KeyException e =
        catchThrowableOfType(KeyException.class, () -> SshAgent.at(socket).listIdentities());

    assertThat(e.getMessage())
        .contains(socket.toString(), "Check that ssh-agent is running", "SSH_AUTH_SOCK");
  }

  @Test
  void fromEnvironment_unsetBlankOrSet_emptyOrTheSocket() {
    assertThat(SshAgent.fromEnvironment(Map.of())).isEmpty();
    assertThat(SshAgent.fromEnvironment(Map.of("SSH_AUTH_SOCK", " "))).isEmpty();
    assertThat(SshAgent.fromEnvironment(Map.of("SSH_AUTH_SOCK", agent.socket().toString())))
        .map(SshAgent::socket)
        .contains(agent.socket());
  }

  @Test
  void find_sha256OfAnAgentKey_returnsTheAgentKey(@TempDir Path emptySshDir) {
    SigningKey key =
        KeyFinder.find(Fixtures.sha256("openssh-ecdsa521"), emptySshDir, agent.client(), null);

    assertThat(key.source()).startsWith("ssh-agent");
    assertThat(key.fingerprint().md5()).isEqualTo(Fixtures.md5("openssh-ecdsa521"));
  }

  @Test
  void find_pathOfEncryptedCopyWithoutPassphrase_usesTheAgentsKey(@TempDir Path own)
      throws Exception {
    Path encrypted = Fixtures.copy("openssh-rsa", own);
    Process p =
        new ProcessBuilder(
                "ssh-keygen",
                "-q",
                "-p",
                "-P",
                "",
                "-N",
                "agent-test-pass",
                "-f",
                encrypted.toString())
            .redirectErrorStream(true)
            .start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).isZero();

    SigningKey key = KeyFinder.find(encrypted.toString(), null, agent.client(), null);

    assertThat(key.source()).isEqualTo("ssh-agent key 'fixture-openssh-rsa'");
  }
}
