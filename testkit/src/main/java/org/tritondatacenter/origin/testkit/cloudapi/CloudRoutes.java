package org.tritondatacenter.origin.testkit.cloudapi;

import java.io.IOException;
import java.util.function.Function;
import org.tritondatacenter.origin.testkit.SimulatorContext;
import org.tritondatacenter.origin.testkit.http.ApiError;
import org.tritondatacenter.origin.testkit.http.AuthMode;
import org.tritondatacenter.origin.testkit.http.Exchange;
import org.tritondatacenter.origin.testkit.http.Principal;
import org.tritondatacenter.origin.testkit.http.Router;
import org.tritondatacenter.origin.testkit.http.ServiceKind;

/**
 * Registers CloudAPI routes behind the checks every {@code /:login/...} call gets, in CloudAPI's
 * order: the throttle, {@code Accept-Version} negotiation, then the account in the path ({@code
 * /my} is the caller's own; another existing account is refused with 403, an unknown one with 404).
 */
final class CloudRoutes {

  /** Handles one checked CloudAPI call. */
  @FunctionalInterface
  interface Endpoint {
    void handle(Call call) throws IOException;
  }

  private final Router router = new Router();
  private final SimulatorContext context;
  private final Throttle throttle;

  CloudRoutes(SimulatorContext context) {
    this.context = context;
    this.throttle = new Throttle(context.options().cloudApiRateLimit());
  }

  Router router() {
    return router;
  }

  CloudRoutes route(String method, String pattern, String operation, Endpoint endpoint) {
    return route(method, pattern, e -> operation, endpoint);
  }

  CloudRoutes route(
      String method, String pattern, Function<Exchange, String> operation, Endpoint endpoint) {
    router.route(method, pattern, e -> true, operation, AuthMode.REQUIRED, e -> serve(e, endpoint));
    return this;
  }

  /** Registers a route that needs no signature and no account, such as the ping. */
  CloudRoutes open(String method, String pattern, String operation, Endpoint endpoint) {
    router.route(
        method,
        pattern,
        operation,
        AuthMode.NONE,
        e -> {
          ApiVersion version = negotiate(e);
          endpoint.handle(new Call(e, null, version, Params.of(e), context.simNow()));
        });
    return this;
  }

  private void serve(Exchange exchange, Endpoint endpoint) throws IOException {
    throttle.check(context.wallNow(ServiceKind.CLOUDAPI));
    ApiVersion version = negotiate(exchange);
    String login = account(exchange);
    Call call = new Call(exchange, login, version, Params.of(exchange), context.simNow());
    try {
      endpoint.handle(call);
    } catch (Gone gone) {
      call.send(410, gone.machine());
    }
  }

  private static ApiVersion negotiate(Exchange exchange) {
    String range = exchange.header("Accept-Version");
    if (range == null) {
      range = exchange.header("x-api-version");
    }
    ApiVersion version = ApiVersion.negotiate(range, exchange.method(), exchange.rawPath());
    exchange.responseHeader("Api-Version", version.toString());
    return version;
  }

  private String account(Exchange exchange) {
    Principal principal = exchange.principal();
    if (principal == null) {
      throw new ApiError(
          401, "InvalidCredentials", "You must make authenticated requests to use CloudAPI");
    }
    String login = exchange.pathParam("login");
    if (login.equals("my")) {
      return principal.account();
    }
    if (!context.auth().accountExists(login)) {
      throw ApiError.notFound("ResourceNotFound", login + " does not exist");
    }
    if (!login.equals(principal.account())) {
      throw new ApiError(
          403, "NotAuthorized", principal.account() + " is not allowed to act on account " + login);
    }
    return login;
  }
}
