package org.tritondatacenter.origin.testkit.imgapi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.tritondatacenter.origin.testkit.http.ApiError;

/**
 * The server side of AddImageFileFromUrl: IMGAPI itself downloads the file. Like IMGAPI it follows
 * no redirect (a 3xx is just a non-200 answer) and allows the transfer an hour. Over TLS it trusts
 * the local Triton's self-signed certificate, so a signed URL of the local Manta works.
 */
final class UrlFetcher {
  /** Reads the body of a successful download. */
  @FunctionalInterface
  interface BodyReader<T> {
    T read(InputStream body) throws IOException;
  }

  private final Supplier<X509Certificate> trusted;
  private HttpClient client;

  /**
   * Creates a fetcher.
   *
   * @param trusted the certificate to trust for https URLs, or null for the JDK's default trust
   */
  UrlFetcher(Supplier<X509Certificate> trusted) {
    this.trusted = trusted;
  }

  /**
   * Downloads {@code url} and hands a 200 answer's body to {@code reader}.
   *
   * @throws ApiError 400 {@code Download} for any other status or a transfer that fails
   */
  <T> T fetch(URI url, BodyReader<T> reader) {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .GET()
            .header("User-Agent", "imgapi/" + ImgapiService.VERSION)
            .timeout(Duration.ofHours(1))
            .build();
    HttpResponse<InputStream> response;
    try {
      response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw Errors.download("Error getting image: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Errors.download("Error getting image: interrupted");
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw Errors.download(
            "HTTP " + response.statusCode() + " error attempting to download image from " + url);
      }
      return reader.read(body);
    } catch (IOException e) {
      throw Errors.download("Error getting image: " + e);
    }
  }

  private synchronized HttpClient client() {
    if (client == null) {
      HttpClient.Builder builder =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .followRedirects(HttpClient.Redirect.NEVER)
              .connectTimeout(Duration.ofSeconds(30));
      if (trusted != null) {
        builder.sslContext(trusting(trusted.get()));
      }
      client = builder.build();
    }
    return client;
  }

  private static SSLContext trusting(X509Certificate certificate) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      store.setCertificateEntry("local-triton", certificate);
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot trust the local Triton's certificate", e);
    }
  }
}
