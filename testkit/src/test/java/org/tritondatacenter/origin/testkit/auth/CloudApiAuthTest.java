package org.tritondatacenter.origin.testkit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tritondatacenter.origin.testkit.auth.AuthServer.ALICE;
import static org.tritondatacenter.origin.testkit.auth.AuthServer.BOB;

import java.net.http.HttpRequest;
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

class CloudApiAuthTest {
  private static final ServiceKind KIND = ServiceKind.CLOUDAPI;
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
  @ValueSource(strings = {"rsa-sha1", "rsa-sha256", "rsa-sha512", "RSA-SHA256"})
  void rsaKey_eachAllowedHash_verifies(String algorithm) {
    assertVerified(required(signer(KeyKind.RSA).algorithm(algorithm)), null, TestKeys.rsa());
  }

  @Test
  void ecdsaP256_ecdsaSha256_verifies() {
    assertVerified(required(signer(KeyKind.ECDSA_P256)), null, TestKeys.of(KeyKind.ECDSA_P256));
  }

  @Test
  void ecdsaP521_ecdsaSha512_verifies() {
    assertVerified(required(signer(KeyKind.ECDSA_P521)), null, TestKeys.of(KeyKind.ECDSA_P521));
  }

  @Test
  void requestTarget_signedWithDateAsNodeTritonDoes_verifies() {
    Answer answer =
        server.get(
            KIND,
            "/alice/required?limit=1000&offset=0",
            signer(KeyKind.RSA).signedHeaders("(request-target)", "date"));

    assertVerified(answer, null, TestKeys.rsa());
  }

  @Test
  void requestLine_olderDraftForm_verifies() {
    assertVerified(
        required(signer(KeyKind.RSA).signedHeaders("request-line", "date")), null, TestKeys.rsa());
  }

  @Test
  void parametersInSdcCurlOrder_verify() {
    Authorization auth =
        signer(KeyKind.RSA).signedHeaders("date").authorization("GET", "/alice/required", Map.of());

    Answer answer =
        server.getRaw(
            KIND,
            "/alice/required",
            auth.date(),
            auth.header("keyId", "headers", "algorithm", "signature"));

    assertVerified(answer, null, TestKeys.rsa());
  }

  @Test
  void keyName_insteadOfFingerprint_verifies() {
    assertVerified(required(signer(KeyKind.RSA).keyId("/alice/keys/laptop")), null, TestKeys.rsa());
  }

  @Test
  void subUser_usersKeyIdForm_verifiesAsSubUser() {
    assertVerified(required(signer(KeyKind.RSA).subUser(BOB)), BOB, TestKeys.rsa());
  }

  @Test
  void subUser_acceptVersionBelow72_isInvalidKeyId() {
    RequestSigner signer = signer(KeyKind.RSA).subUser(BOB);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.url(KIND, "/alice/required"))
            .header("Accept-Version", "~7.1");

    Answer answer = server.send(signer.sign(request));

    assertRefused(answer, 401, "InvalidCredentials", "Invalid KeyId /alice/users/bob/keys/");
  }

  @Test
  void subUser_mantaKeyIdForm_isInvalidKeyId() {
    String keyId = "/alice/bob/keys/" + TestKeys.rsa().md5Fingerprint();

    assertRefused(
        required(signer(KeyKind.RSA).keyId(keyId)), 401, "InvalidCredentials", "Invalid KeyId");
  }

  @Test
  void myAlias_inKeyId_isRefused() {
    String keyId = "/my/keys/" + TestKeys.rsa().md5Fingerprint();

    assertRefused(
        required(signer(KeyKind.RSA).keyId(keyId)),
        401,
        "InvalidCredentials",
        "Invalid account my");
  }

  @Test
  void unknownAccount_isInvalidCredentials() {
    Answer answer = required(RequestSigner.of(KIND, TestKeys.rsa(), "carol"));

    assertRefused(answer, 401, "InvalidCredentials", "Invalid account carol");
  }

  @Test
  void unknownSubUser_isInvalidCredentials() {
    Answer answer = required(signer(KeyKind.RSA).subUser("dave"));

    assertRefused(answer, 401, "InvalidCredentials", "Invalid account dave");
  }

  @Test
  void keyNotOnSubUser_isInvalidKey() {
    Answer answer = required(signer(KeyKind.ECDSA_P521).subUser(BOB));

    assertRefused(answer, 401, "InvalidCredentials", "Invalid key ");
  }

  @Test
  void unregisteredKey_isInvalidKey() {
    Answer answer = required(RequestSigner.of(KIND, TestKeys.stranger(), ALICE));

    assertRefused(
        answer, 401, "InvalidCredentials", "Invalid key " + TestKeys.stranger().md5Fingerprint());
  }

  @Test
  void signatureByAnotherKey_isSignatureMismatch() {
    String keyId = "/alice/keys/" + TestKeys.rsa().md5Fingerprint();
    Answer answer = required(RequestSigner.of(KIND, TestKeys.stranger(), ALICE).keyId(keyId));

    assertRefused(answer, 401, "InvalidCredentials", "does not match the one you sent");
  }

  @Test
  void algorithmOfAnotherKeyType_isSignatureMismatch() {
    Answer answer = required(signer(KeyKind.RSA).algorithm("ecdsa-sha256"));

    assertRefused(answer, 401, "InvalidCredentials", "does not match the one you sent");
  }

  @Test
  void ecdsaP384_sha384UnknownToParser_isInvalidHeader() {
    assertRefused(
        required(signer(KeyKind.ECDSA_P384)),
        400,
        "InvalidHeader",
        "Authorization header invalid: ecdsa-sha384 is not supported");
  }

  @Test
  void ed25519_unknownToParser_isInvalidHeader() {
    assertRefused(
        required(signer(KeyKind.ED25519)), 400, "InvalidHeader", "ed25519-sha512 is not supported");
  }

  @Test
  void hmac_notInCloudApiList_isInvalidHeader() {
    assertRefused(
        required(signer(KeyKind.RSA).algorithm("hmac-sha256")),
        400,
        "InvalidHeader",
        "hmac-sha256 is not a supported algorithm");
  }

  @Test
  void spaceAfterComma_isBadParamFormat() {
    Authorization auth = signer(KeyKind.RSA).authorization("GET", "/alice/required", Map.of());
    String header = auth.header().replace("\",", "\", ");

    Answer answer = server.getRaw(KIND, "/alice/required", auth.date(), header);

    assertRefused(answer, 400, "InvalidHeader", "bad param format");
  }

  @Test
  void lowercaseScheme_isInvalidHeader() {
    Authorization auth = signer(KeyKind.RSA).authorization("GET", "/alice/required", Map.of());

    Answer answer =
        server.getRaw(
            KIND,
            "/alice/required",
            auth.date(),
            auth.header().replace("Signature ", "signature "));

    assertRefused(answer, 400, "InvalidHeader", "scheme was not \"Signature\"");
  }

  @Test
  void headerWithoutSpace_isInvalidHeader() {
    Answer answer = server.getRaw(KIND, "/alice/required", null, "Signature");

    assertRefused(answer, 400, "InvalidHeader", "BasicAuth content is invalid.");
  }

  @Test
  void missingHeader_onRequiredRoute_isInvalidCredentials() {
    assertRefused(
        required(null),
        401,
        "InvalidCredentials",
        "You must make authenticated requests to use CloudAPI");
  }

  @Test
  void basicScheme_isInvalidCredentials() {
    Answer answer = server.getRaw(KIND, "/alice/required", null, "Basic YWxpY2U6c2VjcmV0");

    assertRefused(answer, 401, "InvalidCredentials", "You must make authenticated requests");
  }

  @Test
  void dateNotSigned_isInvalidHeader() {
    Answer answer = required(signer(KeyKind.RSA).signedHeaders("(request-target)"));

    assertRefused(answer, 400, "InvalidHeader", "date was not a signed header");
  }

  @Test
  void dateTooOld_isClockSkew() {
    Answer answer = required(signer(KeyKind.RSA).date(Instant.now().minusSeconds(400)));

    assertRefused(answer, 400, "InvalidHeader", "clock skew of ");
    assertThat(answer.message()).contains("s was greater than 300s");
  }

  @Test
  void dateInTheFuture_isClockSkew() {
    Answer answer = required(signer(KeyKind.RSA).date(Instant.now().plusSeconds(400)));

    assertRefused(answer, 400, "InvalidHeader", "clock skew");
  }

  @Test
  void serviceClockSkewedByFault_refusesCurrentDate() {
    server.faults.clockOffset(KIND, Duration.ofMinutes(10));

    assertRefused(required(signer(KeyKind.RSA)), 400, "InvalidHeader", "clock skew");
  }

  @Test
  void dateWithinSkew_verifies() {
    assertVerified(
        required(signer(KeyKind.RSA).date(Instant.now().minusSeconds(280))), null, TestKeys.rsa());
  }

  @Test
  void passiveRoute_withoutHeader_isAnonymous() {
    Answer answer = server.get(KIND, "/alice/passive", null);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.get("anonymous")).isEqualTo(true);
  }

  @Test
  void passiveRoute_withFailingHeader_isRefused() {
    Answer answer =
        server.get(KIND, "/alice/passive", RequestSigner.of(KIND, TestKeys.stranger(), ALICE));

    assertRefused(answer, 401, "InvalidCredentials", "Invalid key");
  }

  @Test
  void openRoute_withGarbageHeader_isNotEvenParsed() {
    Answer answer = server.getRaw(KIND, "/alice/open", null, "Signature keyId=garbage");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.get("anonymous")).isEqualTo(true);
  }
}
