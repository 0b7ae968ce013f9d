package org.tritondatacenter.origin.testkit.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One simulated service endpoint: its name, kind, routes, authenticator and the headers it adds to
 * every answer (such as {@code Server: Manta}).
 */
public final class ServiceHandler {
  private final String name;
  private final ServiceKind kind;
  private final Router router;
  private final Authenticator authenticator;
  private final Map<String, String> responseHeaders = new LinkedHashMap<>();
  private Function<Exchange, ApiError> unknownRoute =
      e -> ApiError.notFound("ResourceNotFound", e.rawPath() + " does not exist");

  /**
   * Creates an endpoint.
   *
   * @param name a unique endpoint name, such as {@code cloudapi}, {@code manta} or {@code updates}
   */
  public ServiceHandler(String name, ServiceKind kind, Router router, Authenticator authenticator) {
    this.name = Objects.requireNonNull(name, "name == null");
    this.kind = Objects.requireNonNull(kind, "kind == null");
    this.router = Objects.requireNonNull(router, "router == null");
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator == null");
  }

  /** Adds a header to every answer. */
  public ServiceHandler responseHeader(String header, String value) {
    responseHeaders.put(header, value);
    return this;
  }

  /** Sets the error answered for a path no route knows. */
  public ServiceHandler unknownRoute(Function<Exchange, ApiError> error) {
    this.unknownRoute = Objects.requireNonNull(error, "error == null");
    return this;
  }

  public String name() {
    return name;
  }

  public ServiceKind kind() {
    return kind;
  }

  Router router() {
    return router;
  }

  Authenticator authenticator() {
    return authenticator;
  }

  Map<String, String> responseHeaders() {
    return responseHeaders;
  }

  ApiError unknownRoute(Exchange exchange) {
    return unknownRoute.apply(exchange);
  }
}
