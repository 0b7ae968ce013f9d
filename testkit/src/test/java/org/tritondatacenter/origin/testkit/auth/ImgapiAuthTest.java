package org.tritondatacenter.origin.testkit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tritondatacenter.origin.testkit.auth.AuthServer.ALICE;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tritondatacenter.origin.testkit.KeyKind;
import org.tritondatacenter.origin.testkit.auth.AuthServer.Answer;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.support.Authorization;
import org.tritondatacenter.origin.testkit.support.RequestSigner;

class ImgapiAuthTest {
  private static final ServiceKind KIND = ServiceKind.IMGAPI;
  private static AuthServer server;

  @BeforeAll
  static void start() {
    server = new AuthServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static RequestSigner signer(KeyKind kind) {
    return RequestSigner.of(KIND, TestKeys.of(kind), ALICE);
  }

  private static Answer required(RequestSigner signer) {
    return server.get(KIND, "/alice/required", signer);
  }

  private static void assertUnauthorized(Answer answer, String message) {
    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(401);
    assertThat(answer.code()).isEqualTo("UnauthorizedError");
    assertThat(answer.message()).contains(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rsa-sha1", "rsa-sha256"})
  void bareLogin_rsaAllowedHash_verifiesTryingEveryKey(String algorithm) {
    Answer answer = required(signer(KeyKind.RSA).algorithm(algorithm));

    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
    assertThat(answer.get("account")).isEqualTo(ALICE);
    assertThat(answer.get("key")).isEqualTo(TestKeys.rsa().md5Fingerprint());
  }

  @Test
  void keyIdIsTheLogin_notAPath() {
    assertThat(signer(KeyKind.RSA).keyId()).isEqualTo(ALICE);
  }

  @Test
  void requestLine_isKnownToTheOldParser() {
    assertThat(required(signer(KeyKind.RSA).signedHeaders("request-line", "date")).status())
        .isEqualTo(200);
  }

  @Test
  void rsaSha512_isNotAValidAlgorithm() {
    assertUnauthorized(
        required(signer(KeyKind.RSA).algorithm("rsa-sha512")),
        "\"RSA-SHA512\" is not a supported http-signature signing algorithm");
  }

  @Test
  void requestTarget_unknownToHttpSignature010_isRefused() {
    assertUnauthorized(
        required(signer(KeyKind.RSA).signedHeaders("(request-target)", "date")),
        "(request-target) was not in the request");
  }

  @Test
  void ecdsaKeys_areRefused() {
    assertUnauthorized(required(signer(KeyKind.ECDSA_P256)), "ecdsa-sha256 is not supported");
    assertUnauthorized(required(signer(KeyKind.ECDSA_P521)), "ecdsa-sha512 is not supported");
  }

  @Test
  void ecdsaKeySigningUnderRsaName_noKeyVerifies() {
    assertUnauthorized(
        required(signer(KeyKind.ECDSA_P256).algorithm("rsa-sha256")), "Unauthorized");
  }

  @Test
  void pathKeyId_doesNotMatchAnyUser() {
    String keyId = "/alice/keys/" + TestKeys.rsa().md5Fingerprint();

    assertUnauthorized(required(signer(KeyKind.RSA).keyId(keyId)), "Unauthorized");
  }

  @Test
  void unknownUserAndUnknownKey_areUnauthorized() {
    assertUnauthorized(required(RequestSigner.of(KIND, TestKeys.rsa(), "carol")), "Unauthorized");
    assertUnauthorized(
        required(RequestSigner.of(KIND, TestKeys.stranger(), ALICE)), "Unauthorized");
  }

  @Test
  void clockSkew_isUnauthorized() {
    assertUnauthorized(
        required(signer(KeyKind.RSA).date(Instant.now().minusSeconds(900))), "clock skew of ");
  }

  @Test
  void spaceAfterComma_isUnauthorized() {
    Authorization auth = signer(KeyKind.RSA).authorization("GET", "/alice/required", Map.of());

    assertUnauthorized(
        server.getRaw(KIND, "/alice/required", auth.date(), auth.header().replace("\",", "\", ")),
        "bad param format");
  }

  @Test
  void missingHeader_requiredIsUnauthorized_passiveIsAnonymous() {
    assertUnauthorized(required(null), "Unauthorized");
    Answer passive = server.get(KIND, "/alice/passive", null);

    assertThat(passive.status()).isEqualTo(200);
    assertThat(passive.get("anonymous")).isEqualTo(true);
  }

  @Test
  void passiveRoute_failingHeader_isUnauthorized() {
    assertUnauthorized(
        server.get(KIND, "/alice/passive", RequestSigner.of(KIND, TestKeys.stranger(), ALICE)),
        "Unauthorized");
  }
}
