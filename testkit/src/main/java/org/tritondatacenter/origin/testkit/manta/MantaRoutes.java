package org.tritondatacenter.origin.testkit.manta;

import java.util.List;
import java.util.function.Function;
import java.util.logging.Logger;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.http.AuthMode;
import org.tritondatacenter.origin.testkit.http.Authenticator;
import org.tritondatacenter.origin.testkit.http.Exchange;
import org.tritondatacenter.origin.testkit.http.Router;
import org.tritondatacenter.origin.testkit.http.ServiceHandler;
import org.tritondatacenter.origin.testkit.http.ServiceKind;

/**
 * Builds Manta's endpoints: the signed one, as real Manta behaves, and the benchmark-only one that
 * checks no signature at all.
 *
 * <p>Operation names, for fault rules and the request log: {@code PutDirectory}, {@code PutObject},
 * {@code PutSnapLink}, {@code PutMetadata}, {@code GetObject}, {@code HeadObject}, {@code
 * ListDirectory}, {@code HeadDirectory}, {@code DeleteObject} and {@code DeleteDirectory}.
 */
final class MantaRoutes {
  private static final Logger LOG = Logger.getLogger(MantaRoutes.class.getName());
  private static final List<String> PATTERNS =
      List.of("/:login", "/:login/stor/*path", "/:login/public/*path");

  private MantaRoutes() {}

  /** Returns the endpoint that verifies signatures as real Manta does. */
  static ServiceHandler signed(MantaService manta) {
    Authenticator verifier = manta.context.auth().authenticator(ServiceKind.MANTA);
    Router router = router(manta, new Access(manta, false), false);
    return new ServiceHandler(
            LocalTriton.MANTA, ServiceKind.MANTA, router, tlsFirst(manta, verifier))
        .responseHeader("Server", manta.mantav2() ? "Manta/2" : "Manta");
  }

  /**
   * Returns the BENCHMARK-ONLY endpoint: the same routes with no signature check at all, every
   * request acting as the owner of the path it names, so {@code curl -T} can be compared with a
   * signing client against the same server. Never enabled by default.
   */
  static ServiceHandler unauthenticated(MantaService manta) {
    LOG.warning(
        "BENCHMARK ONLY: a Manta listener without any authentication is enabled"
            + " (every request acts as the path's owner)");
    Router router = router(manta, new Access(manta, true), true);
    return new ServiceHandler(
            LocalTriton.MANTA_UNAUTHENTICATED, ServiceKind.MANTA, router, Authenticator.NONE)
        .responseHeader("Server", manta.mantav2() ? "Manta/2" : "Manta")
        .responseHeader("Testkit-Mode", "unauthenticated-benchmark-listener");
  }

  private static Router router(MantaService manta, Access access, boolean unauthenticated) {
    DirectoryHandler directories = new DirectoryHandler(manta, access);
    ReadHandler reads = new ReadHandler(manta, access, directories);
    PutObjectHandler objects = new PutObjectHandler(manta, access);
    LinkHandler links = new LinkHandler(manta, access);
    MetadataHandler metadata = new MetadataHandler(manta, access);
    DeleteHandler deletes = new DeleteHandler(manta, access);
    Function<Exchange, String> operation = e -> operation(manta, e);
    Router router = new Router();
    for (String pattern : PATTERNS) {
      for (String method : List.of("GET", "HEAD")) {
        if (unauthenticated) {
          router.route(method, pattern, e -> true, operation, AuthMode.NONE, reads::handle);
          continue;
        }
        // A signed URL carries its signature in the query; the handler verifies it.
        router.route(method, pattern, Access::isSignedUrl, operation, AuthMode.NONE, reads::handle);
        AuthMode mode = pattern.contains("/public/") ? AuthMode.PASSIVE : AuthMode.REQUIRED;
        router.route(method, pattern, e -> true, operation, mode, reads::handle);
      }
      AuthMode writes = unauthenticated ? AuthMode.NONE : AuthMode.REQUIRED;
      router.route(
          "PUT",
          pattern,
          e -> true,
          operation,
          writes,
          e -> {
            if (MetadataHandler.isMetadataUpdate(e)) {
              metadata.handle(e);
            } else if (MantaHeaders.isDirectoryType(e)) {
              directories.put(e);
            } else if (MantaHeaders.isLinkType(e)) {
              links.handle(e);
            } else {
              objects.handle(e);
            }
          });
      router.route("DELETE", pattern, e -> true, operation, writes, deletes::handle);
    }
    return router;
  }

  /** Names the operation, which depends on the content type and on what the path holds. */
  static String operation(MantaService manta, Exchange exchange) {
    String method = exchange.method();
    if (method.equals("PUT")) {
      if (MetadataHandler.isMetadataUpdate(exchange)) {
        return "PutMetadata";
      }
      if (MantaHeaders.isDirectoryType(exchange)) {
        return "PutDirectory";
      }
      return MantaHeaders.isLinkType(exchange) ? "PutSnapLink" : "PutObject";
    }
    boolean dir = manta.namespace.get(new MantaPath(exchange.segments())) instanceof Namespace.Dir;
    return switch (method) {
      case "GET" -> dir ? "ListDirectory" : "GetObject";
      case "HEAD" -> dir ? "HeadDirectory" : "HeadObject";
      default -> dir ? "DeleteDirectory" : "DeleteObject";
    };
  }

  /**
   * Refuses writes over plain HTTP when so configured, before the signature is checked, as muskie's
   * {@code enforceSSL} runs ahead of authentication.
   */
  private static Authenticator tlsFirst(MantaService manta, Authenticator verifier) {
    return (exchange, mode) -> {
      boolean write = !exchange.method().equals("GET") && !exchange.method().equals("HEAD");
      if (write && manta.options.requireTlsWrites() && !exchange.secure()) {
        throw MantaErrors.secureTransportRequired();
      }
      return verifier.authenticate(exchange, mode);
    };
  }
}
