package org.tritondatacenter.origin.testkit.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.testkit.KeyKind;
import org.tritondatacenter.origin.testkit.TestKey;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.support.RequestSigner;

/**
 * {@code --tls} serves HTTPS with a self-signed certificate that a client must choose to trust;
 * {@code --require-tls-writes} refuses Manta writes over plain HTTP only.
 */
class StandaloneTlsTest {
  @TempDir static Path home;
  @TempDir static Path plainHome;
  private static StandaloneProcess tls;
  private static StandaloneProcess plain;

  @BeforeAll
  static void start() {
    tls = StandaloneProcess.start("--tls", "--require-tls-writes", "--home", home.toString());
    plain = StandaloneProcess.start("--require-tls-writes", "--home", plainHome.toString());
  }

  @AfterAll
  static void stop() {
    for (StandaloneProcess p : new StandaloneProcess[] {tls, plain}) {
      if (p != null) {
        p.close();
      }
    }
  }

  @Test
  void tls_exportsHttpsUrlsAndTheInsecureSwitches() {
    assertThat(tls.url("TRITON_URL").getScheme()).isEqualTo("https");
    assertThat(tls.url("MANTA_URL").getScheme()).isEqualTo("https");
    assertThat(tls.url("UPDATES_IMGADM_URL").getScheme()).isEqualTo("https");
    assertThat(tls.exports())
        .containsEntry("TRITON_TLS_INSECURE", "1")
        .containsEntry("MANTA_TLS_INSECURE", "1")
        .containsEntry("UPDATES_IMGADM_INSECURE", "1");
    assertThat(plain.exports()).doesNotContainKey("TRITON_TLS_INSECURE");
  }

  @Test
  void tls_aClientWithDefaultTrust_failsTheHandshake() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    assertThatThrownBy(() -> ping(client, tls.url("TRITON_URL")))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void tls_plainHttpToTheSamePort_getsNoAnswer() {
    URI https = tls.url("TRITON_URL");
    URI http = URI.create("http://" + https.getHost() + ":" + https.getPort());
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    assertThatThrownBy(() -> ping(client, http)).isInstanceOf(IOException.class);
  }

  @Test
  void tls_aClientTrustingTheCertificate_isAnsweredWithHostnameChecks() throws Exception {
    URI url = tls.url("TRITON_URL");
    HttpClient client =
        HttpClient.newBuilder()
            .sslContext(trusting(serverCertificate(url)))
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    HttpResponse<String> ping = ping(client, url);

    assertThat(ping.statusCode()).isEqualTo(200);
    assertThat(ping.body()).contains("pong");
  }

  @Test
  void requireTlsWrites_refusesAPlainHttpWrite_andTakesItOverHttps() throws Exception {
    URI mantaTls = tls.url("MANTA_URL");
    HttpClient trusting =
        HttpClient.newBuilder().sslContext(trusting(serverCertificate(mantaTls))).build();
    HttpClient client = HttpClient.newHttpClient();

    HttpResponse<String> overHttp = mkdir(client, plain, plainHome);
    HttpResponse<String> overHttps = mkdir(trusting, tls, home);

    assertThat(overHttp.statusCode()).isEqualTo(403);
    assertThat(overHttp.body()).contains("SecureTransportRequired");
    assertThat(overHttps.statusCode()).isEqualTo(204);
  }

  private static HttpResponse<String> mkdir(HttpClient client, StandaloneProcess p, Path home)
      throws Exception {
    TestKey key = KeyFiles.read(KeyKind.RSA, home.resolve(".ssh/id_rsa"));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(p.url("MANTA_URL").resolve("/alice/stor/dir"))
            .header("Content-Type", "application/json; type=directory")
            .PUT(HttpRequest.BodyPublishers.noBody());
    RequestSigner.of(ServiceKind.MANTA, key, "alice").sign(b);
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> ping(HttpClient client, URI base) throws Exception {
    return client.send(
        HttpRequest.newBuilder(base.resolve("/--ping")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Reads the certificate the server presents, trusting it blindly for this one handshake. */
  private static X509Certificate serverCertificate(URI url) throws Exception {
    SSLContext blind = SSLContext.getInstance("TLS");
    blind.init(null, new TrustManager[] {new TrustAll()}, null);
    try (Socket socket = blind.getSocketFactory().createSocket(url.getHost(), url.getPort())) {
      SSLSocket ssl = (SSLSocket) socket;
      ssl.startHandshake();
      Certificate[] chain = ssl.getSession().getPeerCertificates();
      return (X509Certificate) chain[0];
    }
  }

  /** Returns a context that trusts exactly this certificate, with the usual hostname checks. */
  private static SSLContext trusting(X509Certificate certificate) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    store.setCertificateEntry("testkit", certificate);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }

  /** Accepts any server, only to read the certificate it presents. */
  private static final class TrustAll extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
