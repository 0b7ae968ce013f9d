package org.tritondatacenter.origin.testkit.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.tritondatacenter.origin.testkit.TestKey;
import org.tritondatacenter.origin.testkit.http.ServiceKind;

/**
 * Signs requests to the local Triton as the official clients do (apis.md §1, real-clients.md §3),
 * for tests that drive the simulated services over plain {@code java.net.http}.
 *
 * <pre>{@code
 * RequestSigner signer = RequestSigner.of(ServiceKind.CLOUDAPI, key, "alice")
 *     .signedHeaders("(request-target)", "date");
 * HttpRequest request = signer.sign(HttpRequest.newBuilder(uri).GET()).build();
 * }</pre>
 *
 * <p>It is immutable: each setting returns a new signer. It uses only Bouncy Castle, never the
 * project's core or testkit's own verifier, so that it checks them independently.
 */
public final class RequestSigner {
  private static final DateTimeFormatter RFC_1123 =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private final ServiceKind kind;
  private final TestKey key;
  private final String login;
  private String subUser;
  private String algorithm;
  private List<String> signedHeaders;
  private Instant date;
  private String keyIdOverride;
  private String host;

  private RequestSigner(ServiceKind kind, TestKey key, String login) {
    this.kind = Objects.requireNonNull(kind, "kind == null");
    this.key = Objects.requireNonNull(key, "key == null");
    this.login = Objects.requireNonNull(login, "login == null");
  }

  private RequestSigner copy(Consumer<RequestSigner> change) {
    RequestSigner c = new RequestSigner(kind, key, login);
    c.subUser = subUser;
    c.algorithm = algorithm;
    c.signedHeaders = signedHeaders;
    c.date = date;
    c.keyIdOverride = keyIdOverride;
    c.host = host;
    change.accept(c);
    return c;
  }

  /** Creates a signer for one kind of service, signing as {@code login} with {@code key}. */
  public static RequestSigner of(ServiceKind kind, TestKey key, String login) {
    return new RequestSigner(kind, key, login);
  }

  /** Signs as a sub-user of the login (CloudAPI and Manta keyId forms differ). */
  public RequestSigner subUser(String subUser) {
    return copy(c -> c.subUser = subUser);
  }

  /**
   * Sends this {@code algorithm} value as is, such as {@code rsa-sha512} or {@code RSA-SHA256}. The
   * signature is still made with the key's own scheme and the hash the value names (SHA-256 when it
   * names none), so a refused algorithm is refused for its name alone.
   */
  public RequestSigner algorithm(String algorithm) {
    return copy(c -> c.algorithm = algorithm);
  }

  /**
   * Signs these header names and sends them as the {@code headers} parameter, such as {@code
   * "(request-target)", "date"}. By default only {@code date} is signed and no {@code headers}
   * parameter is sent, as IMGAPI clients and java-http-signature do.
   */
  public RequestSigner signedHeaders(String... names) {
    return copy(c -> c.signedHeaders = List.of(names));
  }

  /** Sends (and signs) this {@code Date} instead of the current time, for skew tests. */
  public RequestSigner date(Instant date) {
    return copy(c -> c.date = date);
  }

  /** Sends this keyId instead of the service's own form. */
  public RequestSigner keyId(String keyId) {
    return copy(c -> c.keyIdOverride = keyId);
  }

  /** Signs pre-signed URLs for this {@code Host} value instead of the URL's own. */
  public RequestSigner host(String host) {
    return copy(c -> c.host = host);
  }

  /**
   * Returns the keyId this signer sends: CloudAPI {@code /login/keys/<md5>} or {@code
   * /login/users/<sub>/keys/<md5>}, Manta {@code /login/keys/<md5>} or {@code
   * /login/<sub>/keys/<md5>}, IMGAPI the bare login.
   */
  public String keyId() {
    if (keyIdOverride != null) {
      return keyIdOverride;
    }
    String md5 = key.md5Fingerprint();
    return switch (kind) {
      case IMGAPI -> login;
      case CLOUDAPI ->
          subUser == null
              ? "/" + login + "/keys/" + md5
              : "/" + login + "/users/" + subUser + "/keys/" + md5;
      case MANTA ->
          subUser == null
              ? "/" + login + "/keys/" + md5
              : "/" + login + "/" + subUser + "/keys/" + md5;
    };
  }

  /** Returns the algorithm value sent: the override, or the usual one for the key's type. */
  public String algorithm() {
    if (algorithm != null) {
      return algorithm;
    }
    return switch (key.kind()) {
      case RSA -> "rsa-sha256";
      case ECDSA_P256 -> "ecdsa-sha256";
      case ECDSA_P384 -> "ecdsa-sha384";
      case ECDSA_P521 -> "ecdsa-sha512";
      case ED25519 -> "ed25519-sha512";
    };
  }

  /** Sets {@code Date} and {@code Authorization} on the builder, which must have its URI set. */
  public HttpRequest.Builder sign(HttpRequest.Builder builder) {
    HttpRequest probe = builder.copy().build();
    URI uri = probe.uri();
    String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      target += "?" + uri.getRawQuery();
    }
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    probe.headers().map().forEach((name, values) -> headers.put(name, values.get(0)));
    Authorization auth = authorization(probe.method(), target, headers);
    return builder.setHeader("Date", auth.date()).setHeader("Authorization", auth.header());
  }

  /**
   * Signs a request described by its method, path and query as sent, and its other headers
   * (case-insensitive names); the {@code Date} comes from this signer.
   */
  public Authorization authorization(String method, String target, Map<String, String> headers) {
    String dateValue = RFC_1123.format(date != null ? date : Instant.now());
    List<String> names = signedHeaders != null ? signedHeaders : List.of("date");
    List<String> lines = new ArrayList<>();
    for (String name : names) {
      String h = name.toLowerCase(Locale.ROOT);
      switch (h) {
        case "(request-target)" ->
            lines.add("(request-target): " + method.toLowerCase(Locale.ROOT) + " " + target);
        case "request-line" -> lines.add(method + " " + target + " HTTP/1.1");
        case "date" -> lines.add("date: " + dateValue);
        default -> lines.add(h + ": " + lookup(headers, name));
      }
    }
    String signature = sign(String.join("\n", lines));
    return new Authorization(
        keyId(),
        algorithm(),
        signedHeaders == null ? null : String.join(" ", signedHeaders),
        signature,
        dateValue);
  }

  /**
   * Returns a Manta pre-signed URL for {@code rawPath} (already percent-encoded), valid until
   * {@code expires}, as {@code msign} and node-smartdc-auth {@code signUrl} build it: one method
   * (default {@code GET}) adds no {@code method} parameter, several add them sorted.
   */
  public URI presign(URI base, String rawPath, Instant expires, String... methods) {
    List<String> sorted =
        new ArrayList<>(Arrays.asList(methods.length == 0 ? new String[] {"GET"} : methods));
    sorted.sort(null);
    Map<String, String> query = new TreeMap<>();
    query.put("algorithm", algorithm().toUpperCase(Locale.ROOT));
    query.put("expires", Long.toString(expires.getEpochSecond()));
    query.put("keyId", keyId());
    if (sorted.size() > 1) {
      query.put("method", String.join(",", sorted));
    }
    StringBuilder canonical = new StringBuilder();
    query.forEach(
        (k, v) ->
            canonical
                .append(canonical.length() == 0 ? "" : "&")
                .append(k)
                .append('=')
                .append(rfc3986(v)));
    String hostValue = host != null ? host : hostHeader(base);
    String toSign = String.join(",", sorted) + "\n" + hostValue + "\n" + rawPath + "\n" + canonical;
    String url =
        base.toString().replaceAll("/+$", "")
            + rawPath
            + "?"
            + canonical
            + "&signature="
            + rfc3986(sign(toSign));
    return URI.create(url);
  }

  private String sign(String signingString) {
    String signature =
        Base64.getEncoder()
            .encodeToString(
                PrivateKeys.sign(
                    key.privateKeyText(),
                    algorithm(),
                    signingString.getBytes(StandardCharsets.UTF_8)));
    // Every signature testkit's tests send is made here: the suite guard learns it and the key.
    TestkitSecretGuard.signed(key, signature);
    return signature;
  }

  private static String lookup(Map<String, String> headers, String name) {
    String value = headers.get(name);
    if (value == null) {
      throw new IllegalArgumentException("cannot sign header '" + name + "': the request has none");
    }
    return value;
  }

  /** Returns the Host header java.net.http sends for this URI. */
  private static String hostHeader(URI uri) {
    int port = uri.getPort();
    boolean defaultPort =
        port == -1
            || ("https".equals(uri.getScheme()) && port == 443)
            || ("http".equals(uri.getScheme()) && port == 80);
    return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
  }

  /** Percent-encodes everything but RFC 3986 unreserved characters. */
  static String rfc3986(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (Character.isLetterOrDigit(c) && c < 0x80
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append(String.format("%%%02X", c));
      }
    }
    return out.toString();
  }
}
