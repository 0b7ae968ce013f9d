package org.tritondatacenter.origin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FingerprintTest {
  private static final String NAME = "openssh-rsa";

  @ParameterizedTest
  @MethodSource("org.tritondatacenter.origin.auth.Fixtures#allSupported")
  void ofPublicKeyBlob_pubFileBlob_equalsWhatSshKeygenPrinted(String name) {
    Fingerprint fp = Fingerprint.ofPublicKeyBlob(Fixtures.publicBlob(name));

    assertThat(fp.md5()).isEqualTo(Fixtures.md5(name));
    assertThat(fp.sha256()).isEqualTo(Fixtures.sha256(name));
  }

  @Test
  void matches_md5BareWithPrefixAndUppercase_true() {
    Fingerprint fp = Fingerprint.ofPublicKeyBlob(Fixtures.publicBlob(NAME));
    String md5 = Fixtures.md5(NAME);

    assertThat(fp.matches(md5)).isTrue();
    assertThat(fp.matches("MD5:" + md5)).isTrue();
    assertThat(fp.matches("md5:" + md5.toUpperCase(Locale.ROOT))).isTrue();
    assertThat(fp.matches("  " + md5 + "\n")).isTrue();
  }

  @Test
  void matches_sha256WithAndWithoutPadding_true() {
    Fingerprint fp = Fingerprint.ofPublicKeyBlob(Fixtures.publicBlob(NAME));
    String sha = Fixtures.sha256(NAME);

    assertThat(fp.matches(sha)).isTrue();
    assertThat(fp.matches(sha + "=")).isTrue();
  }

  @Test
  void matches_anotherKeysFingerprints_false() {
    Fingerprint fp = Fingerprint.ofPublicKeyBlob(Fixtures.publicBlob(NAME));

    assertThat(fp.matches(Fixtures.md5("pem-rsa"))).isFalse();
    assertThat(fp.matches(Fixtures.sha256("pem-rsa"))).isFalse();
  }

  @Test
  void matches_sha256InOtherCase_false() {
    Fingerprint fp = Fingerprint.ofPublicKeyBlob(Fixtures.publicBlob(NAME));
    String sha = Fixtures.sha256(NAME);
    String flipped = "SHA256:" + swapCase(sha.substring(7));

    assertThat(fp.matches(flipped)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "id_rsa", "SHA256:", "MD5:", "aa:bb", "/home/u/.ssh/id_rsa"})
  void matches_somethingElse_falseAndNotASpec(String text) {
    Fingerprint fp = Fingerprint.ofPublicKeyBlob(Fixtures.publicBlob(NAME));

    assertThat(fp.matches(text)).isFalse();
    assertThat(Fingerprint.isSpec(text)).isFalse();
  }

  @Test
  void constructor_malformedForms_throwNamingTheValue() {
    String sha = Fixtures.sha256(NAME);

    assertThatThrownBy(() -> new Fingerprint("MD5:" + Fixtures.md5(NAME), sha))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MD5:" + Fixtures.md5(NAME));
    assertThatThrownBy(() -> new Fingerprint(Fixtures.md5(NAME), sha.substring(7)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SHA256:");
  }

  private static String swapCase(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
    }
    return out.toString();
  }
}
