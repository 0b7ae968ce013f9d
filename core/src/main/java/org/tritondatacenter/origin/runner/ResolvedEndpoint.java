package org.tritondatacenter.origin.runner;

import java.net.URI;
import java.util.Objects;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.auth.SigningKey;
import org.tritondatacenter.origin.http.TlsSettings;

/**
 * One endpoint, ready to use: where it is, who signs, with which key, how TLS is checked and, for
 * IMGAPI, the channel used when a step names none.
 *
 * @param service the kind of service
 * @param name the endpoint's name, for messages (such as {@code updates} or {@code default})
 * @param url the base URL
 * @param login the account (CloudAPI, Manta) or user (IMGAPI)
 * @param subUser the sub-user, or null
 * @param key the signing key, or null for anonymous IMGAPI reads
 * @param tls how the server's certificate is checked
 * @param defaultChannel the IMGAPI channel used when a step names none, or null for the server's
 *     default
 */
public record ResolvedEndpoint(
    Service service,
    String name,
    URI url,
    String login,
    String subUser,
    SigningKey key,
    TlsSettings tls,
    String defaultChannel) {

  public ResolvedEndpoint {
    Objects.requireNonNull(service, "service == null");
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(url, "url == null");
    Objects.requireNonNull(login, "login == null");
    tls = tls == null ? TlsSettings.DEFAULT : tls;
  }

  /** Returns a copy with TLS verification off (the user's explicit insecure switch). */
  public ResolvedEndpoint insecure() {
    return new ResolvedEndpoint(
        service, name, url, login, subUser, key, TlsSettings.insecureSkipVerify(), defaultChannel);
  }

  /** Never shows the key, only its fingerprint. */
  @Override
  public String toString() {
    return service
        + " endpoint '"
        + name
        + "' "
        + url
        + " as "
        + login
        + (subUser == null ? "" : "/" + subUser)
        + (key == null ? " (anonymous)" : " with key " + key.fingerprint().md5());
  }
}
