package org.tritondatacenter.origin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tritondatacenter.origin.testsupport.Caught.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tritondatacenter.origin.KeyException;

class SshKeysTest {
  private static final byte[] DATA =
      "date: Tue, 08 Jan 2013 01:07:25 GMT".getBytes(StandardCharsets.UTF_8);

  @ParameterizedTest
  @MethodSource("org.tritondatacenter.origin.auth.Fixtures#allSupported")
  void load_everyFormatAndType_fingerprintsMatchSshKeygen(String name) {
    SigningKey key = SshKeys.load(Fixtures.file(name), Fixtures.passphraseFor(name));

    assertThat(key.type()).isEqualTo(Fixtures.expectedType(name));
    assertThat(key.fingerprint().md5()).isEqualTo(Fixtures.md5(name));
    assertThat(key.fingerprint().sha256()).isEqualTo(Fixtures.sha256(name));
    assertThat(key.source()).isEqualTo("file " + Fixtures.file(name));
  }

  @ParameterizedTest
  @MethodSource("org.tritondatacenter.origin.auth.Fixtures#allSupported")
  void load_everyFormatAndType_signsWhatThePubFileVerifies(String name) {
    SigningKey key = SshKeys.load(Fixtures.file(name), Fixtures.passphraseFor(name));
    SignatureAlgorithm algorithm = defaultAlgorithm(key.type());

    byte[] signature = key.sign(algorithm, DATA);

    assertThat(
            IndependentVerifier.verify(
                algorithm.wireName(),
                IndependentVerifier.publicKey(Fixtures.publicBlob(name)),
                DATA,
                signature))
        .isTrue();
    assertThat(key.publicKey().getEncoded())
        .isEqualTo(IndependentVerifier.publicKey(Fixtures.publicBlob(name)).getEncoded());
  }

  @ParameterizedTest
  @ValueSource(strings = {"rsa-sha1", "rsa-sha256", "rsa-sha512"})
  void sign_rsaKeyEachRsaAlgorithm_verifies(String wireName) {
    SigningKey key = SshKeys.load(Fixtures.file("openssh-rsa"), null);
    SignatureAlgorithm algorithm =
        SignatureAlgorithm.valueOf(wireName.toUpperCase().replace('-', '_'));

    byte[] signature = key.sign(algorithm, DATA);

    assertThat(signature).hasSize(256);
    assertThat(IndependentVerifier.verify(wireName, key.publicKey(), DATA, signature)).isTrue();
  }

  @Test
  void sign_algorithmOfAnotherKeyType_throwsNamingTheFittingOnes() {
    SigningKey key = SshKeys.load(Fixtures.file("openssh-ecdsa256"), null);

    KeyException e =
        catchThrowableOfType(
            KeyException.class, () -> key.sign(SignatureAlgorithm.RSA_SHA256, DATA));

    assertThat(e.getMessage())
        .contains("cannot make rsa-sha256 signatures", "it makes ecdsa-sha256")
        .contains(Fixtures.sha256("openssh-ecdsa256"));
  }

  @Test
  void parse_textWithCrlfAndSourceName_loadsAndKeepsTheSource() {
    String text = Fixtures.text("pkcs8-ecdsa521-enc").replace("\n", "\r\n");

    SigningKey key =
        SshKeys.parse("  " + text, Fixtures.PASSPHRASE.toCharArray(), "credentials 'deploy'");

    assertThat(key.fingerprint().sha256()).isEqualTo(Fixtures.sha256("pkcs8-ecdsa521-enc"));
    assertThat(key.source()).isEqualTo("credentials 'deploy'");
  }

  @Test
  void load_legacyPemWithAes256_loads() {
    SigningKey key =
        SshKeys.load(Fixtures.file("pem-rsa-aes256-enc"), Fixtures.PASSPHRASE.toCharArray());

    assertThat(key.fingerprint().md5()).isEqualTo(Fixtures.md5("pem-rsa-aes256-enc"));
  }

  @Test
  void toString_loadedKey_namesTypeFingerprintAndSourceButNoKeyText() {
    SigningKey key = SshKeys.load(Fixtures.file("pem-rsa"), null);

    assertThat(key.toString())
        .isEqualTo(
            "RSA key " + Fixtures.sha256("pem-rsa") + " from file " + Fixtures.file("pem-rsa"));
  }

  @Test
  void load_missingFile_namesTheFileAndSaysToCheckThePath(@TempDir Path dir) {
    Path missing = dir.resolve("id_missing");

    KeyException e = catchThrowableOfType(KeyException.class, () -> SshKeys.load(missing, null));

    assertThat(e.getMessage()).contains(missing.toString(), "does not exist", "Check the path");
  }

  @Test
  void load_directory_saysItIsADirectory(@TempDir Path dir) {
    KeyException e = catchThrowableOfType(KeyException.class, () -> SshKeys.load(dir, null));

    assertThat(e.getMessage()).contains(dir.toString(), "is a directory");
  }

  @Test
  void load_deviceFile_saysItIsNotARegularFile() {
    Path device = Path.of("/dev/null");
    Assumptions.assumeTrue(Files.exists(device), "no /dev/null on this system");

    KeyException e = catchThrowableOfType(KeyException.class, () -> SshKeys.load(device, null));

    assertThat(e.getMessage()).contains("/dev/null", "not a regular file");
  }

  @Test
  void load_readRefused_saysPermissionDeniedAndWhatToDo(@TempDir Path dir) throws Exception {
    // Root reads a file of mode 000 anyway (and CI runs as root), so the refusal comes from the
    // reader: the same AccessDeniedException the file system throws for everyone else.
    Path file = Fixtures.copy("openssh-rsa", dir);

    KeyException e =
        catchThrowableOfType(
            KeyException.class,
            () ->
                SshKeys.load(
                    file,
                    null,
                    path -> {
                      throw new AccessDeniedException(path.toString());
                    }));

    assertThat(e.getMessage())
        .contains(
            file.toString(), "permission denied", "Check the path and the file's permissions");
  }

  @Test
  void load_pathThroughARegularFile_namesTheFileAndTheReason(@TempDir Path dir) throws Exception {
    // No one, root included, can open a path whose parent is a regular file: the read fails at
    // once with ENOTDIR on every machine.
    Path notADirectory = Files.writeString(dir.resolve("keys"), "a file, not a directory");
    Path file = notADirectory.resolve("id_rsa");

    KeyException e = catchThrowableOfType(KeyException.class, () -> SshKeys.load(file, null));

    assertThat(e.getMessage())
        .contains(file.toString(), "Not a directory", "Check the path")
        .doesNotContain("FileSystemException");
  }

  @Test
  void load_publicKeyFile_saysToGiveThePrivateKey() {
    KeyException e =
        catchThrowableOfType(
            KeyException.class, () -> SshKeys.load(Fixtures.file("openssh-rsa.pub"), null));

    assertThat(e.getMessage()).contains("openssh-rsa.pub", "SSH public key", "private key");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "openssh-rsa-enc",
        "openssh-ed25519-enc",
        "pem-ecdsa384-enc",
        "pem-rsa-aes256-enc",
        "pkcs8-rsa-enc",
        "pkcs8-ed25519-enc"
      })
  void load_encryptedWithoutPassphrase_asksForThePassphrase(String name) {
    KeyException e =
        catchThrowableOfType(KeyException.class, () -> SshKeys.load(Fixtures.file(name), null));

    assertThat(e.getMessage())
        .contains("file " + Fixtures.file(name), "is encrypted and no passphrase was given");
    SecretAssertions.assertNoSecrets(e, Fixtures.text(name), Fixtures.PASSPHRASE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "openssh-rsa-enc",
        "openssh-ecdsa256-enc",
        "openssh-ed25519-enc",
        "pem-rsa-enc",
        "pem-ecdsa521-enc",
        "pem-rsa-aes256-enc",
        "pkcs8-ecdsa256-enc",
        "pkcs8-ed25519-enc"
      })
  void load_wrongPassphrase_saysSoWithoutQuotingKeyOrPassphrase(String name) {
    String wrong = "not-the-passphrase-7781";

    KeyException e =
        catchThrowableOfType(
            KeyException.class, () -> SshKeys.load(Fixtures.file(name), wrong.toCharArray()));

    assertThat(e.getMessage())
        .contains("file " + Fixtures.file(name), "passphrase", "does not decrypt it");
    SecretAssertions.assertNoSecrets(e, Fixtures.text(name), wrong);
  }

  @ParameterizedTest
  @ValueSource(strings = {"openssh-dsa", "pem-dsa", "pkcs8-secp256k1"})
  void load_unsupportedType_namesTheTypeAndSuggestsRsa(String name) {
    KeyException e =
        catchThrowableOfType(KeyException.class, () -> SshKeys.load(Fixtures.file(name), null));

    assertThat(e.getMessage())
        .contains("file " + Fixtures.file(name), "not supported", "Use an RSA key")
        .containsPattern(name.contains("dsa") ? "a DSA key" : "an ECDSA secp256k1 key");
    SecretAssertions.assertNoSecrets(e, Fixtures.text(name), null);
  }

  @Test
  void parse_truncatedOpenSshKey_saysItIsDamaged() {
    String text = Fixtures.text("openssh-rsa");
    String[] lines = text.split("\n");
    String truncated =
        String.join("\n", java.util.Arrays.copyOf(lines, lines.length / 2))
            + "\n-----END OPENSSH PRIVATE KEY-----\n";

    KeyException e =
        catchThrowableOfType(
            KeyException.class, () -> SshKeys.parse(truncated, null, "credentials 'cut'"));

    assertThat(e.getMessage()).contains("credentials 'cut'", "cannot be read", "intact copy");
    SecretAssertions.assertNoSecrets(e, text, null);
  }

  @Test
  void parse_truncatedPemKey_saysItIsDamaged() {
    String text = Fixtures.text("pem-rsa");
    String truncated = text.substring(0, text.length() / 2) + "\n-----END RSA PRIVATE KEY-----\n";

    KeyException e =
        catchThrowableOfType(
            KeyException.class, () -> SshKeys.parse(truncated, null, "credentials 'cut'"));

    assertThat(e.getMessage()).contains("credentials 'cut'", "cannot be read");
    SecretAssertions.assertNoSecrets(e, text, null);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "hello world",
        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
        "PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none"
      })
  void parse_textThatIsNoPrivateKey_saysWhatToGive(String text) {
    KeyException e =
        catchThrowableOfType(KeyException.class, () -> SshKeys.parse(text, null, "text 'x'"));

    assertThat(e.getMessage())
        .contains(
            "text 'x'", "does not hold a private key in OpenSSH or PEM format", "Give the private");
  }

  private static SignatureAlgorithm defaultAlgorithm(KeyType type) {
    return switch (type) {
      case RSA -> SignatureAlgorithm.RSA_SHA256;
      case ECDSA_P256 -> SignatureAlgorithm.ECDSA_SHA256;
      case ECDSA_P384 -> SignatureAlgorithm.ECDSA_SHA384;
      case ECDSA_P521 -> SignatureAlgorithm.ECDSA_SHA512;
      case ED25519 -> SignatureAlgorithm.ED25519_SHA512;
    };
  }
}
