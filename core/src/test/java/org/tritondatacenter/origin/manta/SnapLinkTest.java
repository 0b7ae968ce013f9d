package org.tritondatacenter.origin.manta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tritondatacenter.origin.manta.DirectoryTest.error;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.TritonApiException;

class SnapLinkTest {
  private static final MantaPath LINK = MantaFixture.path("/alice/stor/latest.zfs.gz");
  private static final MantaPath SOURCE = MantaFixture.path("/alice/stor/builds/a b.zfs.gz");

  @StartStop final MockWebServer server = new MockWebServer();

  private MantaClient client;

  private MantaClient client() {
    if (client == null) {
      client = new MantaFixture(server).client;
    }
    return client;
  }

  private static MockResponse fromServer(String server, MockResponse response) {
    return new MockResponse.Builder(response).setHeader("Server", server).build();
  }

  @Test
  void putSnapLink_sendsTheLinkTypeAndTheEncodedSource() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(204)
            .setHeader("Etag", "7e1f0c2a-3b4d-4c5e-8f6a-9b0c1d2e3f4a")
            .build());

    String etag = client().putSnapLink(LINK, SOURCE);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getTarget()).isEqualTo("/alice/stor/latest.zfs.gz");
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json; type=link");
    assertThat(request.getHeaders().get("Location")).isEqualTo("/alice/stor/builds/a%20b.zfs.gz");
    assertThat(request.getBodySize()).isZero();
    MantaFixture.assertSigned(request);
    assertThat(etag).isEqualTo("7e1f0c2a-3b4d-4c5e-8f6a-9b0c1d2e3f4a");
  }

  @Test
  void putSnapLink_snaplinksDisabled_isReportedAsUnavailable() {
    server.enqueue(
        fromServer(
            "Manta",
            error(403, "SnaplinksDisabledError", "snaplinks have been disabled for this account")));

    assertThatThrownBy(() -> client().putSnapLink(LINK, SOURCE))
        .isInstanceOfSatisfying(
            SnapLinksUnavailableException.class,
            e -> {
              assertThat(e.hasCode("SnaplinksDisabledError")).isTrue();
              assertThat(e.httpStatus()).isEqualTo(403);
              assertThat(e.requestId()).isEqualTo("req-1");
              assertThat(e.getCause()).hasMessageContaining("disabled for this account");
            })
        .hasMessage(
            "Manta PutSnapLink failed: HTTP 403 SnaplinksDisabledError: snaplinks are not"
                + " available on this Manta for this account, so /alice/stor/latest.zfs.gz cannot"
                + " link to /alice/stor/builds/a b.zfs.gz; write a copy or a small object naming"
                + " the target instead (request-id req-1)");
  }

  @Test
  void putSnapLink_mantav2Refusing400_isReportedAsUnavailable() {
    server.enqueue(
        fromServer("Manta/2", error(400, "InvalidParameter", "unsupported content-type for PUT")));

    assertThatThrownBy(() -> client().putSnapLink(LINK, SOURCE))
        .isInstanceOf(SnapLinksUnavailableException.class)
        .hasMessageContaining("(a mantav2 server, which has none)");
  }

  @Test
  void putSnapLink_mantav2Answering405WithoutBody_isReportedAsUnavailable() {
    server.enqueue(new MockResponse.Builder().code(405).setHeader("Server", "Manta/2").build());

    assertThatThrownBy(() -> client().putSnapLink(LINK, SOURCE))
        .isInstanceOfSatisfying(
            SnapLinksUnavailableException.class, e -> assertThat(e.httpStatus()).isEqualTo(405));
  }

  @Test
  void putSnapLink_invalidLinkOnMantav1_isAnOrdinaryError() {
    server.enqueue(
        fromServer("Manta", error(400, "LinkNotObject", "/alice/stor/d is not an object")));

    assertThatThrownBy(() -> client().putSnapLink(LINK, SOURCE))
        .isInstanceOfSatisfying(
            TritonApiException.class,
            e -> {
              assertThat(e).isNotInstanceOf(SnapLinksUnavailableException.class);
              assertThat(e.hasCode("LinkNotObject")).isTrue();
              assertThat(e.httpStatus()).isEqualTo(400);
            });
  }

  @Test
  void putSnapLink_forbiddenOnMantav2_isAnOrdinaryError() {
    server.enqueue(
        fromServer("Manta/2", error(403, "AuthorizationFailed", "alice is not allowed")));

    assertThatThrownBy(() -> client().putSnapLink(LINK, SOURCE))
        .isInstanceOfSatisfying(
            TritonApiException.class,
            e -> {
              assertThat(e).isNotInstanceOf(SnapLinksUnavailableException.class);
              assertThat(e.hasCode("AuthorizationFailed")).isTrue();
            })
        .hasMessageContaining("the key is not allowed to access /alice/stor/latest.zfs.gz");
  }

  @Test
  void putSnapLink_sourceMissing_isSourceObjectNotFound() {
    server.enqueue(
        error(404, "SourceObjectNotFound", "/alice/stor/builds/a%20b.zfs.gz was not found"));

    assertThatThrownBy(() -> client().putSnapLink(LINK, SOURCE))
        .isInstanceOfSatisfying(
            TritonApiException.class, e -> assertThat(e.hasCode("SourceObjectNotFound")).isTrue());
  }
}
