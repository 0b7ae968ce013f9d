package org.tritondatacenter.origin.http;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import org.tritondatacenter.origin.Service;

/**
 * One service endpoint: where it is, who we are there, how requests are signed and how its TLS
 * certificate is checked.
 *
 * @param service the service behind the URL
 * @param baseUrl an {@code http} or {@code https} URL, optionally with a path prefix
 * @param login the account login (CloudAPI, Manta) or IMGAPI user name; null only when anonymous
 * @param subUser the RBAC sub-user, or null
 * @param authorizer signs each attempt, or null for anonymous requests (IMGAPI reads)
 * @param tls certificate checking; never null
 */
public record Endpoint(
    Service service,
    URI baseUrl,
    String login,
    String subUser,
    RequestAuthorizer authorizer,
    TlsSettings tls) {

  /** Validates the fields; messages name the bad value. */
  public Endpoint {
    Objects.requireNonNull(service, "service == null");
    Objects.requireNonNull(baseUrl, "baseUrl == null");
    Objects.requireNonNull(tls, "tls == null");
    String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IllegalArgumentException(
          service
              + " URL must start with https:// (or http:// for a local test server): "
              + baseUrl);
    }
    if (baseUrl.getHost() == null || baseUrl.getHost().isEmpty()) {
      throw new IllegalArgumentException(service + " URL has no host name: " + baseUrl);
    }
    if (baseUrl.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          service + " URL must not contain a user name or password: " + baseUrl.getHost());
    }
    if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
      throw new IllegalArgumentException(
          service + " URL must not have a query or fragment: " + baseUrl);
    }
    if (authorizer != null && (login == null || login.isBlank())) {
      throw new IllegalArgumentException(
          service + " login is empty: give the account or user name");
    }
  }

  /** Creates an endpoint whose requests are signed by {@code authorizer}. */
  public static Endpoint signed(
      Service service, URI baseUrl, String login, String subUser, RequestAuthorizer authorizer) {
    Objects.requireNonNull(authorizer, "authorizer == null");
    return new Endpoint(service, baseUrl, login, subUser, authorizer, TlsSettings.DEFAULT);
  }

  /** Creates an endpoint for unsigned requests, such as IMGAPI reads. */
  public static Endpoint anonymous(Service service, URI baseUrl) {
    return new Endpoint(service, baseUrl, null, null, null, TlsSettings.DEFAULT);
  }

  /** Returns a copy with different TLS settings. */
  public Endpoint withTls(TlsSettings tls) {
    return new Endpoint(service, baseUrl, login, subUser, authorizer, tls);
  }

  /** Returns true when requests carry no {@code Authorization} header. */
  public boolean isAnonymous() {
    return authorizer == null;
  }

  /** Describes the endpoint without the authorizer, e.g. {@code CloudAPI https://host as alice}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder().append(service).append(' ').append(baseUrl);
    if (login != null) {
      sb.append(" as ").append(login);
      if (subUser != null) {
        sb.append('/').append(subUser);
      }
    }
    if (authorizer == null) {
      sb.append(" (anonymous)");
    }
    if (tls.insecure()) {
      sb.append(" (TLS unverified)");
    }
    return sb.toString();
  }
}
