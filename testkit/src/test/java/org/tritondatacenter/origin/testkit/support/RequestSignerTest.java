package org.tritondatacenter.origin.testkit.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.testkit.KeyKind;
import org.tritondatacenter.origin.testkit.TestKey;
import org.tritondatacenter.origin.testkit.auth.KeyGenerator;
import org.tritondatacenter.origin.testkit.http.ServiceKind;

class RequestSignerTest {
  private static final TestKey KEY = KeyGenerator.generate(KeyKind.ECDSA_P256, "t");
  private static final Instant DATE = Instant.parse("2026-11-27T02:15:57Z");

  @Test
  void keyId_followsEachServicesForm() {
    String md5 = KEY.md5Fingerprint();

    assertThat(RequestSigner.of(ServiceKind.CLOUDAPI, KEY, "alice").subUser("bob").keyId())
        .isEqualTo("/alice/users/bob/keys/" + md5);
    assertThat(RequestSigner.of(ServiceKind.MANTA, KEY, "alice").subUser("bob").keyId())
        .isEqualTo("/alice/bob/keys/" + md5);
    assertThat(RequestSigner.of(ServiceKind.MANTA, KEY, "alice").keyId())
        .isEqualTo("/alice/keys/" + md5);
    assertThat(RequestSigner.of(ServiceKind.IMGAPI, KEY, "alice").keyId()).isEqualTo("alice");
  }

  @Test
  void header_hasNoSpacesAfterCommas_andOmitsHeadersByDefault() {
    Authorization auth =
        RequestSigner.of(ServiceKind.MANTA, KEY, "alice")
            .date(DATE)
            .authorization("GET", "/alice/stor", Map.of());

    assertThat(auth.date()).isEqualTo("Fri, 27 Nov 2026 02:15:57 GMT");
    assertThat(auth.header())
        .startsWith("Signature keyId=\"/alice/keys/" + KEY.md5Fingerprint() + "\",")
        .contains("\",algorithm=\"ecdsa-sha256\",signature=\"")
        .doesNotContain("headers=")
        .doesNotContain(", ");
  }

  @Test
  void header_inSdcCurlOrder_withHeadersParam() {
    Authorization auth =
        RequestSigner.of(ServiceKind.CLOUDAPI, KEY, "alice")
            .signedHeaders("(request-target)", "date")
            .authorization("GET", "/alice/machines", Map.of());

    assertThat(auth.header("keyId", "headers", "algorithm", "signature"))
        .contains(",headers=\"(request-target) date\",algorithm=\"ecdsa-sha256\",signature=");
  }

  @Test
  void toString_neverShowsTheSignature() {
    Authorization auth =
        RequestSigner.of(ServiceKind.MANTA, KEY, "alice").authorization("GET", "/", Map.of());

    assertThat(auth.toString()).doesNotContain(auth.signature());
  }

  @Test
  void presign_oneMethod_hasNoMethodParam_andEncodesKeyId() {
    URI url =
        RequestSigner.of(ServiceKind.MANTA, KEY, "alice")
            .presign(URI.create("http://127.0.0.1:8080"), "/alice/stor/f", DATE);

    assertThat(url.toString())
        .startsWith(
            "http://127.0.0.1:8080/alice/stor/f?algorithm=ECDSA-SHA256&expires="
                + DATE.getEpochSecond()
                + "&keyId=%2Falice%2Fkeys%2F"
                + KEY.md5Fingerprint().replace(":", "%3A")
                + "&signature=");
  }
}
