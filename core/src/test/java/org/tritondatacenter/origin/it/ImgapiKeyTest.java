package org.tritondatacenter.origin.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.KeyException;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.auth.HttpSigner;
import org.tritondatacenter.origin.auth.SigningKey;
import org.tritondatacenter.origin.auth.SshKeys;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.http.Endpoint;
import org.tritondatacenter.origin.http.RequestAuthorizer;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.testkit.KeyKind;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ManualClock;

/**
 * An ECDSA key on an account whose CloudAPI takes it: IMGAPI, which verifies RSA only, is refused
 * the key by the client before any request, and by the server when the client's check is bypassed.
 */
class ImgapiKeyTest {
  private static final ManualClock CLOCK = new ManualClock();

  @RegisterExtension
  static final LocalTritonExtension triton =
      LocalTritonExtension.withOptions(
          TritonClients.options(CLOCK).keyKinds(List.of(KeyKind.ECDSA_P256)).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(triton);

  private TritonClients clients;
  private SigningKey ecdsa;

  @BeforeEach
  void connect() {
    clients = new TritonClients(triton.triton(), CLOCK);
    ecdsa =
        SshKeys.parse(
            clients.triton.key(KeyKind.ECDSA_P256).privateKeyText(), null, "testkit ecdsa");
  }

  @Test
  void signer_ecdsaKeyForImgapi_throwsKeyExceptionBeforeAnyRequest() {
    KeyException e =
        catchThrowableOfType(
            KeyException.class,
            () -> HttpSigner.create(Service.IMGAPI, clients.login(), null, ecdsa, false));

    secrets.record(e);
    assertThat(e.getMessage()).contains("IMGAPI", "RSA");
    assertThat(clients.triton.requests().matching(r -> r.kind() == ServiceKind.IMGAPI)).isEmpty();
    // The key itself is good: CloudAPI verifies it.
    CloudApiClient cloud =
        CloudApiClient.create(
            CloudApiClient.signedEndpoint(
                clients.triton.cloudApiUrl(), clients.login(), null, ecdsa, true),
            clients.config);
    assertThat(cloud.listPackages()).isNotEmpty();
  }

  @Test
  void ping_ecdsaSignatureBypassingTheClientCheck_isRefusedWith401() {
    // CloudAPI's signer makes an ecdsa-sha256 signature of the date; IMGAPI wants the bare login
    // as keyId, so the header is put together here as IMGAPI's form, which the client never sends.
    HttpSigner ecdsaSigner =
        HttpSigner.create(Service.CLOUDAPI, clients.login(), null, ecdsa, false);
    RequestAuthorizer authorizer =
        (date, method, target) ->
            "Signature keyId=\""
                + clients.login()
                + "\",algorithm=\"ecdsa-sha256\",headers=\"date\",signature=\""
                + ecdsaSigner.signBase64("date: " + date)
                + "\"";
    ImgapiClient imgapi =
        ImgapiClient.create(
            Endpoint.signed(
                Service.IMGAPI, clients.triton.imgapiUrl(), clients.login(), null, authorizer),
            clients.config);

    TritonApiException e = catchThrowableOfType(TritonApiException.class, imgapi::ping);

    secrets.record(e);
    assertThat(e.httpStatus()).isEqualTo(401);
    assertThat(clients.triton.requests().operation("Ping"))
        .singleElement()
        .satisfies(r -> assertThat(r.verified()).isFalse());
    assertThat(clients.imgapi().ping().user()).isEqualTo(clients.login());
  }
}
