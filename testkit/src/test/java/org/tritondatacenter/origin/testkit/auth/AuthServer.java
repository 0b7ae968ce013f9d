package org.tritondatacenter.origin.testkit.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tritondatacenter.origin.testkit.KeyKind;
import org.tritondatacenter.origin.testkit.http.AuthMode;
import org.tritondatacenter.origin.testkit.http.Exchange;
import org.tritondatacenter.origin.testkit.http.Faults;
import org.tritondatacenter.origin.testkit.http.Principal;
import org.tritondatacenter.origin.testkit.http.RequestLog;
import org.tritondatacenter.origin.testkit.http.Router;
import org.tritondatacenter.origin.testkit.http.ServiceHandler;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.http.TestkitServer;
import org.tritondatacenter.origin.testkit.support.RequestSigner;

/**
 * A real server with one endpoint per service kind, each authenticated by {@link Accounts}, and
 * tiny routes that answer who signed: {@code /:login/required}, {@code /:login/passive}, {@code
 * /:login/open}, {@code GET|HEAD /:login/stor/*path} (required) and {@code /:login/signed/*path}
 * (no header auth; calls {@code verifySignedUrl} itself).
 *
 * <p>Account {@code alice} holds every generated key, the RSA one under the CloudAPI name {@code
 * laptop}; her sub-user {@code bob} holds the RSA and P-256 keys.
 */
final class AuthServer implements AutoCloseable {
  static final String ALICE = "alice";
  static final String BOB = "bob";
  private static final ObjectMapper JSON = new ObjectMapper();

  final Faults faults = new Faults();
  final RequestLog log = new RequestLog();
  final TestkitServer server = new TestkitServer("127.0.0.1", faults, log);
  final Accounts accounts = new Accounts(ALICE, server::now);
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  AuthServer() {
    accounts.addSubUser(ALICE, BOB);
    accounts.addKey(ALICE, null, "laptop", TestKeys.rsa().publicKeyLine());
    for (KeyKind kind : KeyKind.values()) {
      accounts.addKey(ALICE, null, TestKeys.of(kind).publicKeyLine());
    }
    accounts.addKey(ALICE, BOB, TestKeys.rsa().publicKeyLine());
    accounts.addKey(ALICE, BOB, TestKeys.of(KeyKind.ECDSA_P256).publicKeyLine());
    for (ServiceKind kind : ServiceKind.values()) {
      server.add(
          new ServiceHandler(name(kind), kind, router(), accounts.authenticator(kind)), 0, false);
    }
    server.start();
  }

  private Router router() {
    return new Router()
        .route("GET", "/:login/required", "Required", AuthMode.REQUIRED, AuthServer::echo)
        .route("GET", "/:login/passive", "Passive", AuthMode.PASSIVE, AuthServer::echo)
        .route("GET", "/:login/open", "Open", AuthMode.NONE, AuthServer::echo)
        .route("GET", "/:login/stor/*path", "GetObject", AuthMode.REQUIRED, AuthServer::echo)
        .route("HEAD", "/:login/stor/*path", "HeadObject", AuthMode.REQUIRED, AuthServer::echo)
        .route(
            "GET",
            "/:login/signed/*path",
            "GetSigned",
            AuthMode.NONE,
            e -> send(e, accounts.verifySignedUrl(e)));
  }

  private static void echo(Exchange e) {
    send(e, e.principal());
  }

  private static void send(Exchange e, Principal p) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (p == null) {
      body.put("anonymous", true);
    } else {
      body.put("account", p.account());
      body.put("subUser", p.subUser());
      body.put("key", p.keyFingerprint());
    }
    if (e.method().equals("HEAD")) {
      e.sendEmpty(200);
    } else {
      e.sendJson(200, body);
    }
  }

  static String name(ServiceKind kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }

  URI url(ServiceKind kind, String pathAndQuery) {
    return URI.create(server.url(name(kind)) + pathAndQuery);
  }

  URI base(ServiceKind kind) {
    return server.url(name(kind));
  }

  /** Sends a GET signed by {@code signer} (or unsigned when null). */
  Answer get(ServiceKind kind, String pathAndQuery, RequestSigner signer) {
    HttpRequest.Builder b = HttpRequest.newBuilder(url(kind, pathAndQuery)).GET();
    return send(signer == null ? b : signer.sign(b));
  }

  /** Sends a GET with exactly these {@code Date} and {@code Authorization} values. */
  Answer getRaw(ServiceKind kind, String pathAndQuery, String date, String authorization) {
    HttpRequest.Builder b = HttpRequest.newBuilder(url(kind, pathAndQuery)).GET();
    if (date != null) {
      b.header("Date", date);
    }
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return send(b);
  }

  Answer send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response =
          client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      Map<?, ?> body =
          response.body().isEmpty() ? Map.of() : JSON.readValue(response.body(), Map.class);
      return new Answer(response.statusCode(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }

  /** A status and a JSON body. */
  record Answer(int status, Map<?, ?> body) {
    String code() {
      return (String) body.get("code");
    }

    String message() {
      return (String) body.get("message");
    }

    Object get(String field) {
      return body.get(field);
    }
  }
}
