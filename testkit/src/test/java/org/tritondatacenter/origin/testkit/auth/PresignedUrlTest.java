package org.tritondatacenter.origin.testkit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tritondatacenter.origin.testkit.auth.AuthServer.ALICE;
import static org.tritondatacenter.origin.testkit.auth.AuthServer.BOB;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.testkit.KeyKind;
import org.tritondatacenter.origin.testkit.auth.AuthServer.Answer;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.support.RequestSigner;

class PresignedUrlTest {
  private static final ServiceKind KIND = ServiceKind.MANTA;
  private static final String PATH = "/alice/stor/images/base%2064.zfs.gz";
  private static AuthServer server;

  @BeforeAll
  static void start() {
    server = new AuthServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static RequestSigner signer() {
    return RequestSigner.of(KIND, TestKeys.rsa(), ALICE);
  }

  private static Instant inAnHour() {
    return Instant.now().plusSeconds(3600);
  }

  private static Answer get(URI url) {
    return server.send(HttpRequest.newBuilder(url).GET());
  }

  private static void assertRefused(Answer answer, String code, String message) {
    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(403);
    assertThat(answer.code()).isEqualTo(code);
    assertThat(answer.message()).contains(message);
  }

  @Test
  void validUrl_onRequiredRoute_verifiesWithoutHeader() {
    URI url = signer().presign(server.base(KIND), PATH, inAnHour());

    Answer answer = get(url);

    assertThat(url.getRawQuery())
        .startsWith("algorithm=RSA-SHA256&expires=")
        .doesNotContain("method");
    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
    assertThat(answer.get("account")).isEqualTo(ALICE);
    assertThat(answer.get("key")).isEqualTo(TestKeys.rsa().md5Fingerprint());
  }

  @Test
  void validUrl_checkedExplicitlyThroughAuthProvider_verifies() {
    URI url = signer().presign(server.base(KIND), "/alice/signed/file.txt", inAnHour());

    assertThat(get(url).get("account")).isEqualTo(ALICE);
  }

  @Test
  void subUserAndEcdsaKey_verify() {
    URI url =
        RequestSigner.of(KIND, TestKeys.of(KeyKind.ECDSA_P256), ALICE)
            .subUser(BOB)
            .presign(server.base(KIND), PATH, inAnHour());

    Answer answer = get(url);

    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
    assertThat(answer.get("subUser")).isEqualTo(BOB);
  }

  @Test
  void severalMethods_signedTogether_allowEach() {
    URI url = signer().presign(server.base(KIND), PATH, inAnHour(), "HEAD", "GET");

    assertThat(url.getRawQuery()).contains("method=GET%2CHEAD");
    assertThat(get(url).status()).isEqualTo(200);
    assertThat(
            server
                .send(
                    HttpRequest.newBuilder(url).method("HEAD", HttpRequest.BodyPublishers.noBody()))
                .status())
        .isEqualTo(200);
  }

  @Test
  void methodNotSigned_isRefused() {
    URI url = signer().presign(server.base(KIND), PATH, inAnHour(), "PUT", "DELETE");

    assertRefused(get(url), "InvalidQueryStringAuthentication", "GET was not a signed method");
  }

  @Test
  void singleGetUrl_usedForHead_doesNotVerify() {
    URI url = signer().presign(server.base(KIND), PATH, inAnHour());

    Answer head =
        server.send(
            HttpRequest.newBuilder(url).method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertThat(head.status()).isEqualTo(403);
  }

  @Test
  void expiredUrl_isRefused() {
    URI url = signer().presign(server.base(KIND), PATH, Instant.now().minusSeconds(5));

    assertRefused(get(url), "InvalidQueryStringAuthentication", "request expired");
  }

  @Test
  void tamperedPath_isInvalidSignature() {
    URI url = signer().presign(server.base(KIND), PATH, inAnHour());
    URI tampered = URI.create(url.toString().replace("base%2064", "base%2065"));

    assertRefused(get(tampered), "InvalidSignature", "does not match");
  }

  @Test
  void tamperedExpiry_isInvalidSignature() {
    URI url = signer().presign(server.base(KIND), PATH, inAnHour());
    URI tampered = URI.create(url.toString().replaceFirst("expires=(\\d+)", "expires=$19"));

    assertRefused(get(tampered), "InvalidSignature", "does not match");
  }

  @Test
  void signedForAnotherHost_isInvalidSignature() {
    URI url = signer().host("manta.example.com").presign(server.base(KIND), PATH, inAnHour());

    assertRefused(get(url), "InvalidSignature", "does not match");
  }

  @Test
  void missingSignature_isRefused() {
    URI url = signer().presign(server.base(KIND), PATH, inAnHour());
    URI stripped = URI.create(url.toString().replaceFirst("&signature=.*$", ""));

    assertRefused(
        get(stripped), "InvalidQueryStringAuthentication", "parameters \"signature\" are required");
  }

  @Test
  void unknownKey_isKeyDoesNotExist() {
    URI url =
        RequestSigner.of(KIND, TestKeys.stranger(), ALICE)
            .presign(server.base(KIND), PATH, inAnHour());

    assertRefused(get(url), "KeyDoesNotExist", "does not exist");
  }

  @Test
  void ed25519Url_unsupportedAlgorithm_isRefused() {
    URI url =
        RequestSigner.of(KIND, TestKeys.of(KeyKind.ED25519), ALICE)
            .presign(server.base(KIND), PATH, inAnHour());

    assertRefused(
        get(url),
        "InvalidQueryStringAuthentication",
        "ED25519-SHA512 is not a supported signing algorithm");
  }

  @Test
  void ecdsaP384Url_hashUnknownToVerifier_isInternalErrorAsInManta() {
    URI url =
        RequestSigner.of(KIND, TestKeys.of(KeyKind.ECDSA_P384), ALICE)
            .presign(server.base(KIND), PATH, inAnHour());

    Answer answer = get(url);

    assertThat(answer.status()).isEqualTo(500);
    assertThat(answer.code()).isEqualTo("InternalError");
  }
}
