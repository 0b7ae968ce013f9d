package org.tritondatacenter.origin.testkit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tritondatacenter.origin.testkit.auth.AuthServer.ALICE;
import static org.tritondatacenter.origin.testkit.auth.AuthServer.BOB;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tritondatacenter.origin.testkit.KeyKind;
import org.tritondatacenter.origin.testkit.TestKey;
import org.tritondatacenter.origin.testkit.auth.AuthServer.Answer;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.support.Authorization;
import org.tritondatacenter.origin.testkit.support.RequestSigner;

class MantaAuthTest {
  private static final ServiceKind KIND = ServiceKind.MANTA;
  private static AuthServer server;

  @BeforeAll
  static void start() {
    server = new AuthServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void resetClock() {
    server.faults.clockOffset(KIND, Duration.ZERO);
  }

  private static RequestSigner signer(KeyKind kind) {
    return RequestSigner.of(KIND, TestKeys.of(kind), ALICE);
  }

  private static Answer required(RequestSigner signer) {
    return server.get(KIND, "/alice/required", signer);
  }

  private static String md5(KeyKind kind) {
    return TestKeys.of(kind).md5Fingerprint();
  }

  private static void assertVerified(Answer answer, String subUser, TestKey key) {
    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
    assertThat(answer.get("account")).isEqualTo(ALICE);
    assertThat(answer.get("subUser")).isEqualTo(subUser);
    assertThat(answer.get("key")).isEqualTo(key.md5Fingerprint());
  }

  private static void assertRefused(Answer answer, int status, String code, String message) {
    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(status);
    assertThat(answer.code()).isEqualTo(code);
    assertThat(answer.message()).contains(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rsa-sha1", "rsa-sha256", "rsa-sha512"})
  void rsaKey_eachAllowedHash_verifies(String algorithm) {
    assertVerified(required(signer(KeyKind.RSA).algorithm(algorithm)), null, TestKeys.rsa());
  }

  @Test
  void ecdsaP256AndP521_verify() {
    assertVerified(required(signer(KeyKind.ECDSA_P256)), null, TestKeys.of(KeyKind.ECDSA_P256));
    assertVerified(required(signer(KeyKind.ECDSA_P521)), null, TestKeys.of(KeyKind.ECDSA_P521));
  }

  @Test
  void requestTargetAndRequestLine_verify() {
    assertVerified(
        server.get(
            KIND,
            "/alice/stor/a%20b/c.txt?x=1",
            signer(KeyKind.RSA).signedHeaders("(request-target)", "date")),
        null,
        TestKeys.rsa());
    assertVerified(
        required(signer(KeyKind.RSA).signedHeaders("date", "request-line")), null, TestKeys.rsa());
  }

  @Test
  void subUser_withoutUsersSegment_verifiesAsSubUser() {
    assertVerified(
        required(signer(KeyKind.ECDSA_P256).subUser(BOB)), BOB, TestKeys.of(KeyKind.ECDSA_P256));
  }

  @Test
  void keyIdSegments_areUrlDecoded() {
    String keyId = "/alice/keys/" + md5(KeyKind.RSA).replace(":", "%3A");

    assertVerified(required(signer(KeyKind.RSA).keyId(keyId)), null, TestKeys.rsa());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"alice", "/alice/keys", "/alice/users/bob/keys/x", "/alice/bob/key/x", "//keys/x"})
  void malformedKeyId_isInvalidKeyId(String keyId) {
    assertRefused(
        required(signer(KeyKind.RSA).keyId(keyId)),
        403,
        "InvalidKeyId",
        "the KeyId token you provided is invalid");
  }

  @Test
  void keyName_isNotAFingerprint_keyDoesNotExist() {
    assertRefused(
        required(signer(KeyKind.RSA).keyId("/alice/keys/laptop")),
        403,
        "KeyDoesNotExist",
        "/alice/keys/laptop does not exist");
  }

  @Test
  void unknownAccount_isAccountDoesNotExist() {
    assertRefused(
        required(RequestSigner.of(KIND, TestKeys.rsa(), "carol")),
        403,
        "AccountDoesNotExist",
        "carol does not exist");
  }

  @Test
  void unknownSubUser_isUserDoesNotExist() {
    assertRefused(
        required(signer(KeyKind.RSA).subUser("dave")),
        403,
        "UserDoesNotExist",
        "alice/dave does not exist");
  }

  @Test
  void keyNotOnSubUser_isKeyDoesNotExist() {
    assertRefused(
        required(signer(KeyKind.ECDSA_P521).subUser(BOB)),
        403,
        "KeyDoesNotExist",
        "/alice/bob/keys/" + md5(KeyKind.ECDSA_P521) + " does not exist");
  }

  @Test
  void signatureByAnotherKey_isInvalidSignature() {
    String keyId = "/alice/keys/" + md5(KeyKind.RSA);

    assertRefused(
        required(RequestSigner.of(KIND, TestKeys.stranger(), ALICE).keyId(keyId)),
        403,
        "InvalidSignature",
        "The signature we calculated does not match the one you sent");
  }

  @ParameterizedTest
  @ValueSource(strings = {"hmac-sha256", "ecdsa-sha1"})
  void algorithmParsedButNotAllowed_isInvalidAlgorithm(String algorithm) {
    assertRefused(
        required(signer(KeyKind.RSA).algorithm(algorithm)),
        401,
        "InvalidAlgorithm",
        algorithm.toUpperCase(java.util.Locale.ROOT) + " is not a supported signing algorithm");
  }

  @Test
  void ecdsaP384AndEd25519_unknownToParser_areInvalidHeader() {
    assertRefused(
        required(signer(KeyKind.ECDSA_P384)),
        400,
        "InvalidHeader",
        "Invalid Signature Authorization header: ecdsa-sha384 is not supported");
    assertRefused(
        required(signer(KeyKind.ED25519)), 400, "InvalidHeader", "ed25519-sha512 is not supported");
  }

  @Test
  void spaceAfterComma_isInvalidHeader() {
    Authorization auth = signer(KeyKind.RSA).authorization("GET", "/alice/required", Map.of());

    Answer answer =
        server.getRaw(KIND, "/alice/required", auth.date(), auth.header().replace("\",", "\", "));

    assertRefused(answer, 400, "InvalidHeader", "bad param format");
  }

  @Test
  void clockSkew_bothWays_isInvalidHeader() {
    assertRefused(
        required(signer(KeyKind.RSA).date(Instant.now().minusSeconds(301))),
        400,
        "InvalidHeader",
        "clock skew");
    assertRefused(
        required(signer(KeyKind.RSA).date(Instant.now().plusSeconds(600))),
        400,
        "InvalidHeader",
        "clock skew");
  }

  @Test
  void missingHeader_isAuthorizationRequired() {
    assertRefused(required(null), 401, "AuthorizationRequired", "Authorization is required");
  }

  @Test
  void otherScheme_isSchemeNotAllowed() {
    Answer answer = server.getRaw(KIND, "/alice/required", null, "Basic YWxpY2U6c2VjcmV0");

    assertRefused(
        answer, 403, "AuthorizationSchemeNotAllowed", "basic is not allowed (use 'signature')");
  }

  @Test
  void headerWithoutSpace_isInvalidHeader() {
    assertRefused(
        server.getRaw(KIND, "/alice/required", null, "Signature"),
        400,
        "InvalidHeader",
        "Invalid Authorization header");
  }

  @Test
  void passiveAndOpenRoutes_letAnonymousThrough() {
    assertThat(server.get(KIND, "/alice/passive", null).get("anonymous")).isEqualTo(true);
    assertThat(server.getRaw(KIND, "/alice/open", null, "garbage").get("anonymous"))
        .isEqualTo(true);
    assertRefused(
        server.get(KIND, "/alice/passive", RequestSigner.of(KIND, TestKeys.stranger(), ALICE)),
        403,
        "KeyDoesNotExist",
        "does not exist");
  }
}
