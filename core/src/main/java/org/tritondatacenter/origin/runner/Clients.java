package org.tritondatacenter.origin.runner;

import java.util.Objects;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.auth.HttpSigner;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.http.Endpoint;
import org.tritondatacenter.origin.http.HttpConfig;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.manta.MantaClient;

/**
 * Builds the typed clients from resolved endpoints, so every step signs and checks TLS the same
 * way. Shared by the handlers of all four steps.
 */
final class Clients {
  private Clients() {}

  /** Returns a CloudAPI client signing {@code (request-target) date}, as node-triton does. */
  static CloudApiClient cloudApi(ResolvedEndpoint e, HttpConfig config) {
    requireService(e, Service.CLOUDAPI);
    requireKey(e);
    Endpoint endpoint =
        CloudApiClient.signedEndpoint(e.url(), e.login(), e.subUser(), e.key(), true)
            .withTls(e.tls());
    return CloudApiClient.create(endpoint, config);
  }

  /**
   * Returns an IMGAPI client, signed when the endpoint has a key and anonymous otherwise (reads
   * only). It uses the server's default channel; callers apply the endpoint's own.
   */
  static ImgapiClient imgapi(ResolvedEndpoint e, HttpConfig config) {
    requireService(e, Service.IMGAPI);
    Endpoint endpoint;
    if (e.key() == null) {
      endpoint = Endpoint.anonymous(Service.IMGAPI, e.url()).withTls(e.tls());
    } else {
      HttpSigner signer = HttpSigner.create(Service.IMGAPI, e.login(), null, e.key(), false);
      endpoint =
          Endpoint.signed(Service.IMGAPI, e.url(), e.login(), null, signer::authorization)
              .withTls(e.tls());
    }
    return ImgapiClient.create(endpoint, config);
  }

  /** Returns a Manta client that can also sign URLs, with the same key, for IMGAPI to fetch. */
  static MantaClient manta(ResolvedEndpoint e, HttpConfig config) {
    requireService(e, Service.MANTA);
    requireKey(e);
    HttpSigner signer = HttpSigner.create(Service.MANTA, e.login(), e.subUser(), e.key(), false);
    Endpoint endpoint =
        Endpoint.signed(Service.MANTA, e.url(), e.login(), e.subUser(), signer::authorization)
            .withTls(e.tls());
    return MantaClient.create(endpoint, config, signer);
  }

  /** Returns true when the endpoint is served over https. */
  static boolean isHttps(ResolvedEndpoint e) {
    return "https".equalsIgnoreCase(e.url().getScheme());
  }

  private static void requireService(ResolvedEndpoint e, Service service) {
    Objects.requireNonNull(e, "endpoint == null");
    if (e.service() != service) {
      throw new IllegalArgumentException(
          "endpoint '" + e.name() + "' is a " + e.service() + " endpoint, not " + service);
    }
  }

  private static void requireKey(ResolvedEndpoint e) {
    if (e.key() == null) {
      throw new IllegalArgumentException(
          e.service() + " endpoint '" + e.name() + "' has no key; its requests must be signed");
    }
  }
}
