package org.tritondatacenter.origin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tritondatacenter.origin.KeyException;
import org.tritondatacenter.origin.Service;

class HttpSignerTest {
  private static final String DATE = "Tue, 08 Jan 2013 01:07:25 GMT";
  private static final Pattern HEADER =
      Pattern.compile(
          "Signature keyId=\"([^\"]+)\",algorithm=\"([a-z0-9-]+)\",headers=\"([^\"]+)\","
              + "signature=\"([A-Za-z0-9+/]+={0,2})\"");

  private static final SigningKey RSA = SshKeys.load(Fixtures.file("openssh-rsa"), null);
  private static final String MD5 = Fixtures.md5("openssh-rsa");

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "CLOUDAPI, acct, -, /acct/keys/",
        "CLOUDAPI, acct, ops, /acct/users/ops/keys/",
        "MANTA, acct, -, /acct/keys/",
        "MANTA, acct, ops, /acct/ops/keys/",
        "IMGAPI, mg, -, mg"
      })
  void authorization_eachKeyIdForm_exactHeaderThatVerifies(
      Service service, String login, String subUser, String keyIdStart) {
    HttpSigner signer = HttpSigner.create(service, login, subUser, RSA, false);
    String expectedKeyId = service == Service.IMGAPI ? keyIdStart : keyIdStart + MD5;

    String header = signer.authorization(DATE, "GET", "/ignored");

    Matcher m = HEADER.matcher(header);
    assertThat(m.matches()).as(header).isTrue();
    assertThat(m.group(1)).isEqualTo(expectedKeyId).isEqualTo(signer.keyId());
    assertThat(m.group(2)).isEqualTo("rsa-sha256");
    assertThat(m.group(3)).isEqualTo("date");
    assertThat(header)
        .startsWith(
            "Signature keyId=\"" + expectedKeyId + "\",algorithm=\"rsa-sha256\",headers=\"date\",");
    assertThat(verifies(m, rsaPublicKey(), "date: " + DATE)).isTrue();
    assertThat(verifies(m, rsaPublicKey(), "date: Tue, 08 Jan 2013 01:07:26 GMT")).isFalse();
  }

  @Test
  void authorization_requestTarget_signsMethodPathAndDate() {
    HttpSigner signer = HttpSigner.create(Service.CLOUDAPI, "acct", null, RSA, true);

    String header = signer.authorization(DATE, "GET", "/acct/machines?limit=1");

    Matcher m = HEADER.matcher(header);
    assertThat(m.matches()).as(header).isTrue();
    assertThat(m.group(3)).isEqualTo("(request-target) date");
    assertThat(
            verifies(
                m, rsaPublicKey(), "(request-target): get /acct/machines?limit=1\ndate: " + DATE))
        .isTrue();
    assertThat(verifies(m, rsaPublicKey(), "date: " + DATE)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "openssh-ecdsa256, CLOUDAPI, ecdsa-sha256",
    "pem-ecdsa256-enc, MANTA, ecdsa-sha256",
    "openssh-ecdsa521, MANTA, ecdsa-sha512",
    "pkcs8-ecdsa521, CLOUDAPI, ecdsa-sha512"
  })
  void authorization_ecdsaKeys_derSignatureThatVerifies(
      String fixture, Service service, String algorithm) {
    SigningKey key = SshKeys.load(Fixtures.file(fixture), Fixtures.passphraseFor(fixture));
    HttpSigner signer = HttpSigner.create(service, "acct", null, key, false);

    Matcher m = HEADER.matcher(signer.authorization(DATE, "GET", "/"));

    assertThat(m.matches()).isTrue();
    assertThat(m.group(2)).isEqualTo(algorithm);
    byte[] signature = Base64.getDecoder().decode(m.group(4));
    assertThat(signature[0]).as("DER SEQUENCE tag").isEqualTo((byte) 0x30);
    PublicKey publicKey = IndependentVerifier.publicKey(Fixtures.publicBlob(fixture));
    assertThat(verifies(m, publicKey, "date: " + DATE)).isTrue();
  }

  @Test
  void authorization_rsaSignature_paddedBase64OfTheModulusLength() {
    HttpSigner signer = HttpSigner.create(Service.MANTA, "acct", null, RSA, false);

    Matcher m = HEADER.matcher(signer.authorization(DATE, "PUT", "/acct/stor/x"));

    assertThat(m.matches()).isTrue();
    assertThat(m.group(4)).hasSize(344).endsWith("=");
  }

  @Test
  void create_imgapiWithRequestTargetOrSubUser_throws() {
    assertThatThrownBy(() -> HttpSigner.create(Service.IMGAPI, "mg", null, RSA, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(request-target)");
    assertThatThrownBy(() -> HttpSigner.create(Service.IMGAPI, "mg", "ops", RSA, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sub-user 'ops'");
  }

  @Test
  void create_keyTypeTheServiceRefuses_throwsKeyExceptionBeforeAnyRequest() {
    SigningKey p384 = SshKeys.load(Fixtures.file("openssh-ecdsa384"), null);
    SigningKey p256 = SshKeys.load(Fixtures.file("openssh-ecdsa256"), null);

    assertThatThrownBy(() -> HttpSigner.create(Service.CLOUDAPI, "acct", null, p384, false))
        .isInstanceOf(KeyException.class)
        .hasMessageContaining("ECDSA P-384");
    assertThatThrownBy(() -> HttpSigner.create(Service.IMGAPI, "mg", null, p256, false))
        .isInstanceOf(KeyException.class)
        .hasMessageContaining("accepts RSA keys only");
  }

  @Test
  void authorization_dateWithLineBreakOrRelativePath_throws() {
    HttpSigner signer = HttpSigner.create(Service.CLOUDAPI, "acct", null, RSA, true);

    assertThatThrownBy(() -> signer.authorization(DATE + "\nx-forged: 1", "GET", "/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line break");
    assertThatThrownBy(() -> signer.authorization(DATE, "GET", "acct/machines"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'acct/machines'");
  }

  @Test
  void formatDate_instants_rfc1123WithTwoDigitDay() {
    assertThat(HttpSigner.formatDate(Instant.parse("2013-01-08T01:07:25Z"))).isEqualTo(DATE);
    assertThat(HttpSigner.formatDate(Instant.parse("2026-11-27T23:59:59.999Z")))
        .isEqualTo("Fri, 27 Nov 2026 23:59:59 GMT");
  }

  @Test
  void toString_signer_namesKeyIdButNoSignature() {
    HttpSigner signer = HttpSigner.create(Service.CLOUDAPI, "acct", null, RSA, false);

    assertThat(signer.toString())
        .contains("/acct/keys/" + MD5, "rsa-sha256", Fixtures.sha256("openssh-rsa"))
        .doesNotContain("signature=");
  }

  private static PublicKey rsaPublicKey() {
    return IndependentVerifier.publicKey(Fixtures.publicBlob("openssh-rsa"));
  }

  private static boolean verifies(Matcher header, PublicKey key, String signingString) {
    return IndependentVerifier.verify(
        header.group(2),
        key,
        signingString.getBytes(StandardCharsets.UTF_8),
        Base64.getDecoder().decode(header.group(4)));
  }
}
