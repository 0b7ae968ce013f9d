package org.tritondatacenter.origin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.operations.RecordingListener;
import org.tritondatacenter.origin.wait.ManualClock;

class TlsTest {
  private static final HeldCertificate ROOT =
      new HeldCertificate.Builder().certificateAuthority(0).commonName("test root").build();

  @TempDir Path temp;

  private final MockWebServer server = new MockWebServer();
  private final ManualClock clock = new ManualClock();
  private final RecordingListener listener = new RecordingListener();

  @BeforeEach
  void startHttpsServer() throws Exception {
    HeldCertificate leaf =
        new HeldCertificate.Builder()
            .addSubjectAlternativeName("localhost")
            .addSubjectAlternativeName("127.0.0.1")
            .signedBy(ROOT)
            .build();
    server.useHttps(
        new HandshakeCertificates.Builder()
            .heldCertificate(leaf, ROOT.certificate())
            .build()
            .sslSocketFactory());
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private ApiClient client(TlsSettings tls) {
    return ApiClient.create(
        TestSetup.signed(server, Service.CLOUDAPI, new TestAuthorizer()).withTls(tls),
        TestSetup.config(clock, listener).build());
  }

  @Test
  void defaultSettings_untrustedCertificate_failsAtOnceWithAHint() {
    assertThat(server.url("/").scheme()).isEqualTo("https");

    assertThatThrownBy(() -> client(TlsSettings.DEFAULT).send(ApiRequest.get("ListImages").build()))
        .isInstanceOf(TritonIoException.class)
        .hasMessageContaining("CloudAPI ListImages to localhost:" + server.getPort())
        .hasMessageContaining("TLS certificate is not trusted")
        .hasMessageContaining("CA certificate file");
    assertThat(clock.sleeps()).as("certificate errors are not retried").isEmpty();
  }

  @Test
  void insecureSwitch_acceptsTheCertificateAndWarns() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("[]").build());

    client(TlsSettings.insecureSkipVerify()).send(ApiRequest.get("ListImages").build());

    assertThat(server.takeRequest().getHandshake()).isNotNull();
    assertThat(listener.warnings())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("TLS certificate verification is OFF for CloudAPI https://localhost:");
  }

  @Test
  void customCaFile_isTrustedWithoutWarnings() throws Exception {
    Path ca = temp.resolve("ca.pem");
    Files.writeString(ca, ROOT.certificatePem());
    server.enqueue(new MockResponse.Builder().code(200).body("[]").build());

    client(TlsSettings.trusting(ca)).send(ApiRequest.get("ListImages").build());

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(listener.warnings()).isEmpty();
  }

  @Test
  void caFileThatIsNotPem_isRefusedNamingTheFile() throws Exception {
    Path ca = temp.resolve("ca.pem");
    Files.writeString(ca, "not a certificate");

    assertThatThrownBy(() -> client(TlsSettings.trusting(ca)))
        .isInstanceOf(TritonIoException.class)
        .hasMessageContaining(ca.toString());
  }

  @Test
  void missingCaFile_isRefusedNamingTheFile() {
    Path ca = temp.resolve("missing.pem");

    assertThatThrownBy(() -> client(TlsSettings.trusting(ca)))
        .isInstanceOf(TritonIoException.class)
        .hasMessageContaining("cannot read CA file " + ca);
  }

  @Test
  void insecureTogetherWithACaFile_isRefused() {
    assertThatThrownBy(() -> new TlsSettings(true, temp.resolve("ca.pem")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("either a CA certificate file");
  }
}
