package org.tritondatacenter.origin.testkit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tritondatacenter.origin.testkit.KeyKind;
import org.tritondatacenter.origin.testkit.TestKey;

class KeyGeneratorTest {
  @ParameterizedTest
  @CsvSource({
    "RSA, RSA PRIVATE KEY, ssh-rsa",
    "ECDSA_P256, EC PRIVATE KEY, ecdsa-sha2-nistp256",
    "ECDSA_P384, EC PRIVATE KEY, ecdsa-sha2-nistp384",
    "ECDSA_P521, EC PRIVATE KEY, ecdsa-sha2-nistp521",
    "ED25519, OPENSSH PRIVATE KEY, ssh-ed25519"
  })
  void generate_eachKind_writesTheExpectedFormats(KeyKind kind, String pemType, String sshType) {
    TestKey key = TestKeys.of(kind);

    assertThat(key.privateKeyText()).startsWith("-----BEGIN " + pemType + "-----");
    assertThat(key.publicKeyLine()).startsWith(sshType + " ").endsWith(" alice@test");
    assertThat(key.md5Fingerprint()).matches("([0-9a-f]{2}:){15}[0-9a-f]{2}");
    assertThat(key.sha256Fingerprint()).matches("SHA256:[A-Za-z0-9+/]{43}");
    SshPublicKey parsed = SshPublicKey.parse(key.publicKeyLine());
    assertThat(parsed.md5Fingerprint()).isEqualTo(key.md5Fingerprint());
    assertThat(parsed.sha256Fingerprint()).isEqualTo(key.sha256Fingerprint());
    assertThat(key.toString()).doesNotContain(key.privateKeyText().substring(40, 80));
  }

  @ParameterizedTest
  @CsvSource({"RSA", "ECDSA_P256"})
  void generate_twice_givesDistinctKeys(KeyKind kind) {
    assertThat(KeyGenerator.generate(kind, null).md5Fingerprint())
        .isNotEqualTo(TestKeys.of(kind).md5Fingerprint());
  }
}
