package org.tritondatacenter.origin.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.tritondatacenter.origin.TritonIoException;

/** Applies an endpoint's {@link TlsSettings} to an OkHttp client builder. */
final class TlsConfigurer {
  private TlsConfigurer() {}

  /** Leaves the builder as it is for default settings, so an injected client's TLS is kept. */
  static void apply(OkHttpClient.Builder builder, TlsSettings tls) {
    if (tls.insecure()) {
      X509TrustManager trustAll = new TrustAllManager();
      builder.sslSocketFactory(context(trustAll).getSocketFactory(), trustAll);
      builder.hostnameVerifier((host, session) -> true);
    } else if (tls.caCertificates() != null) {
      X509TrustManager trust = trustingAlso(tls.caCertificates());
      builder.sslSocketFactory(context(trust).getSocketFactory(), trust);
    }
  }

  /** Returns a trust manager for the JDK's CAs plus the certificates in {@code pem}. */
  static X509TrustManager trustingAlso(Path pem) {
    Collection<? extends Certificate> extra = readCertificates(pem);
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int n = 0;
      for (X509Certificate ca : jdkTrustManager(null).getAcceptedIssuers()) {
        store.setCertificateEntry("jdk-" + n++, ca);
      }
      for (Certificate cert : extra) {
        store.setCertificateEntry("custom-" + n++, cert);
      }
      return jdkTrustManager(store);
    } catch (GeneralSecurityException | IOException e) {
      throw new TritonIoException("cannot set up TLS trust with CA file " + pem + ": " + e, e);
    }
  }

  private static Collection<? extends Certificate> readCertificates(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      Collection<? extends Certificate> certs =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certs.isEmpty()) {
        throw new TritonIoException(
            "CA file " + pem + " holds no certificate: give a PEM file with BEGIN CERTIFICATE");
      }
      return certs;
    } catch (IOException e) {
      throw new TritonIoException("cannot read CA file " + pem + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new TritonIoException(
          "CA file "
              + pem
              + " is not a PEM certificate file (BEGIN CERTIFICATE): "
              + e.getMessage(),
          e);
    }
  }

  private static X509TrustManager jdkTrustManager(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("no X509TrustManager in " + factory.getAlgorithm());
  }

  private static SSLContext context(X509TrustManager trust) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trust}, new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new TritonIoException("cannot set up TLS: " + e, e);
    }
  }

  /** Accepts every certificate: used only when the user asked for insecure mode. */
  private static final class TrustAllManager implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
