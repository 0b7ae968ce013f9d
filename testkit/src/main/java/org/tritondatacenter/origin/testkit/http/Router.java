package org.tritondatacenter.origin.testkit.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Maps a method and path to a named operation and its handler.
 *
 * <p>Patterns are slash-separated: {@code :name} captures one segment and a final {@code *name}
 * captures the rest of the path (Manta's object paths). The operation name may depend on the
 * request, because CloudAPI and IMGAPI dispatch on {@code ?action=} and Manta on the {@code
 * Content-Type}; the fault rules and the request log use that name.
 */
public final class Router {

  /** Handles one routed request. */
  @FunctionalInterface
  public interface Handler {
    void handle(Exchange exchange) throws IOException;
  }

  record Route(
      String method,
      List<String> pattern,
      Predicate<Exchange> guard,
      Function<Exchange, String> operation,
      AuthMode auth,
      Handler handler) {}

  record Match(Route route, Map<String, String> params) {}

  private final List<Route> routes = new ArrayList<>();

  /** Adds a route whose operation name is fixed. */
  public Router route(
      String method, String pattern, String operation, AuthMode auth, Handler handler) {
    return route(method, pattern, e -> true, e -> operation, auth, handler);
  }

  /** Adds a route that applies only when {@code guard} accepts the request. */
  public Router route(
      String method,
      String pattern,
      Predicate<Exchange> guard,
      String operation,
      AuthMode auth,
      Handler handler) {
    return route(method, pattern, guard, e -> operation, auth, handler);
  }

  /** Adds a route whose operation name is computed from the request. */
  public Router route(
      String method,
      String pattern,
      Predicate<Exchange> guard,
      Function<Exchange, String> operation,
      AuthMode auth,
      Handler handler) {
    routes.add(
        new Route(
            Objects.requireNonNull(method, "method == null"),
            split(pattern),
            Objects.requireNonNull(guard, "guard == null"),
            Objects.requireNonNull(operation, "operation == null"),
            Objects.requireNonNull(auth, "auth == null"),
            Objects.requireNonNull(handler, "handler == null")));
    return this;
  }

  Match match(Exchange exchange) {
    for (Route route : routes) {
      if (!route.method().equals(exchange.method())) {
        continue;
      }
      Map<String, String> params = bind(route.pattern(), exchange.segments());
      if (params != null && route.guard().test(withParams(exchange, params))) {
        return new Match(route, params);
      }
    }
    return null;
  }

  /** Returns true when some route has this path under another method (for 405 answers). */
  boolean pathKnown(Exchange exchange) {
    for (Route route : routes) {
      if (bind(route.pattern(), exchange.segments()) != null) {
        return true;
      }
    }
    return false;
  }

  private static Exchange withParams(Exchange exchange, Map<String, String> params) {
    exchange.pathParams(params);
    return exchange;
  }

  private static Map<String, String> bind(List<String> pattern, List<String> segments) {
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < pattern.size(); i++) {
      String p = pattern.get(i);
      if (p.startsWith("*")) {
        params.put(p.substring(1), String.join("/", segments.subList(i, segments.size())));
        return params;
      }
      if (i >= segments.size()) {
        return null;
      }
      if (p.startsWith(":")) {
        params.put(p.substring(1), segments.get(i));
      } else if (!p.equals(segments.get(i))) {
        return null;
      }
    }
    return pattern.size() == segments.size() ? params : null;
  }

  private static List<String> split(String pattern) {
    List<String> parts = new ArrayList<>();
    for (String part : pattern.split("/")) {
      if (!part.isEmpty()) {
        parts.add(part);
      }
    }
    return List.copyOf(parts);
  }
}
