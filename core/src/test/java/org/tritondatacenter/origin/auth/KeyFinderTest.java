package org.tritondatacenter.origin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tritondatacenter.origin.KeyException;

class KeyFinderTest {
  @TempDir Path sshDir;

  /**
   * An SSH directory as users have them: keys with and without .pub files, encrypted ones, and
   * files that are no keys at all.
   */
  @BeforeEach
  void fillSshDir() throws Exception {
    for (String name :
        new String[] {
          "openssh-rsa",
          "openssh-rsa.pub", // fingerprint from .pub
          "openssh-ecdsa256", // from the clear OpenSSH header
          "openssh-ed25519-enc", // encrypted, header still clear
          "pem-ecdsa521", // PEM without .pub: loaded to learn it
          "pkcs8-rsa-enc",
          "pkcs8-rsa-enc.pub", // encrypted PEM with .pub
          "pem-ecdsa384-enc" // encrypted PEM without .pub: unknowable without passphrase
        }) {
      Fixtures.copy(name, sshDir);
    }
    Files.writeString(sshDir.resolve("known_hosts"), "host ssh-ed25519 AAAA\n");
    Files.writeString(sshDir.resolve("config"), "Host *\n  User u\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"openssh-rsa", "openssh-ecdsa256", "pem-ecdsa521"})
  void find_sha256OrMd5OfAKeyInTheDirectory_loadsThatFile(String name) {
    SigningKey bySha = KeyFinder.find(Fixtures.sha256(name), sshDir, null, null);
    SigningKey byMd5 = KeyFinder.find("MD5:" + Fixtures.md5(name), sshDir, null, null);

    assertThat(bySha.source()).isEqualTo("file " + sshDir.resolve(name));
    assertThat(byMd5.fingerprint()).isEqualTo(bySha.fingerprint());
  }

  @Test
  void find_fingerprintOfEncryptedKeyWithoutPassphrase_namesTheFileAndAsks() {
    KeyException e =
        catchThrowableOfType(
            KeyException.class,
            () -> KeyFinder.find(Fixtures.sha256("openssh-ed25519-enc"), sshDir, null, null));

    assertThat(e.getMessage())
        .contains(sshDir.resolve("openssh-ed25519-enc").toString(), "no passphrase was given");
  }

  @ParameterizedTest
  @ValueSource(strings = {"openssh-ed25519-enc", "pkcs8-rsa-enc", "pem-ecdsa384-enc"})
  void find_fingerprintOfEncryptedKeyWithPassphrase_loadsIt(String name) {
    SigningKey key =
        KeyFinder.find(Fixtures.md5(name), sshDir, null, Fixtures.PASSPHRASE.toCharArray());

    assertThat(key.fingerprint().sha256()).isEqualTo(Fixtures.sha256(name));
  }

  @Test
  void find_unknownFingerprint_namesItAndWhereItLooked() {
    String unknown = Fixtures.sha256("pem-rsa");

    KeyException e =
        catchThrowableOfType(KeyException.class, () -> KeyFinder.find(unknown, sshDir, null, null));

    assertThat(e.getMessage())
        .contains(unknown, "was found in " + sshDir, "ssh-add", "path of its private key file");
  }

  @Test
  void find_agentUnreachable_stillFindsTheFileAndReportsTheAgentOnlyIfNothingMatches() {
    SshAgent gone = SshAgent.at(sshDir.resolve("no-agent.sock"));

    SigningKey key = KeyFinder.find(Fixtures.sha256("openssh-rsa"), sshDir, gone, null);
    KeyException e =
        catchThrowableOfType(
            KeyException.class,
            () -> KeyFinder.find(Fixtures.sha256("pem-rsa"), sshDir, gone, null));

    assertThat(key.source()).isEqualTo("file " + sshDir.resolve("openssh-rsa"));
    assertThat(e.getMessage()).contains("ssh-agent could not be asked", "no-agent.sock");
  }

  @Test
  void find_pathAbsoluteRelativeToSshDirOrPub_loadsThePrivateKey() {
    Path file = sshDir.resolve("openssh-rsa");

    assertThat(KeyFinder.find(file.toString(), sshDir, null, null).source())
        .isEqualTo("file " + file);
    assertThat(KeyFinder.find("openssh-rsa", sshDir, null, null).source())
        .isEqualTo("file " + file);
    assertThat(KeyFinder.find(file + ".pub", sshDir, null, null).source())
        .isEqualTo("file " + file);
  }

  @Test
  void find_missingPath_namesTheFile() {
    Path missing = sshDir.resolve("id_nothing");

    KeyException e =
        catchThrowableOfType(
            KeyException.class, () -> KeyFinder.find(missing.toString(), sshDir, null, null));

    assertThat(e.getMessage()).contains(missing.toString(), "does not exist");
  }

  @Test
  void find_pubFileOfAnotherKey_saysTheyDoNotMatch() throws Exception {
    Files.copy(Fixtures.file("pem-rsa.pub"), sshDir.resolve("pem-ecdsa521.pub"));
    String spec = Fixtures.sha256("pem-rsa");

    KeyException e =
        catchThrowableOfType(KeyException.class, () -> KeyFinder.find(spec, sshDir, null, null));

    assertThat(e.getMessage())
        .contains(sshDir.resolve("pem-ecdsa521").toString(), "does not match its .pub file");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void find_blankIdentity_asksForAFingerprintOrPath(String identity) {
    KeyException e =
        catchThrowableOfType(
            KeyException.class, () -> KeyFinder.find(identity, sshDir, null, null));

    assertThat(e.getMessage()).contains("fingerprint", "path");
  }
}
