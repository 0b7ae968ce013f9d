package io.jenkins.plugins.tritonorigin;

import java.io.Serializable;
import java.net.URI;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.auth.SshKeys;
import org.tritondatacenter.origin.http.TlsSettings;
import org.tritondatacenter.origin.runner.ResolvedEndpoint;

/**
 * An endpoint with its key still as text, so it can travel to the agent that streams image files.
 * {@link #toResolved()} parses the key where it is used.
 *
 * <p>It holds the private key and its passphrase: it is never persisted, never logged ({@link
 * #toString()} shows neither), and crosses only the agent channel, which Jenkins encrypts, to the
 * machine the build already runs its own commands on.
 */
@Restricted(NoExternalUse.class)
public final class EndpointSpec implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Service service;
  private final String name;
  private final String url;
  private final String login;
  private final String subUser;
  private final String keyText;
  private final char[] passphrase;
  private final String keySource;
  private final boolean insecure;
  private final String defaultChannel;

  EndpointSpec(
      Service service,
      String name,
      String url,
      String login,
      String subUser,
      String keyText,
      char[] passphrase,
      String keySource,
      boolean insecure,
      String defaultChannel) {
    this.service = service;
    this.name = name;
    this.url = url;
    this.login = login;
    this.subUser = subUser;
    this.keyText = keyText;
    this.passphrase = passphrase;
    this.keySource = keySource;
    this.insecure = insecure;
    this.defaultChannel = defaultChannel;
  }

  /**
   * Parses the key and returns the endpoint core uses.
   *
   * @throws org.tritondatacenter.origin.KeyException naming the credentials when the key cannot be
   *     read, never quoting it
   */
  ResolvedEndpoint toResolved() {
    ResolvedEndpoint endpoint =
        new ResolvedEndpoint(
            service,
            name,
            URI.create(url),
            login,
            subUser,
            SshKeys.parse(keyText, passphrase, keySource),
            TlsSettings.DEFAULT,
            defaultChannel);
    return insecure ? endpoint.insecure() : endpoint;
  }

  /** Never shows the key or the passphrase. */
  @Override
  public String toString() {
    return service + " endpoint '" + name + "' " + url + " as " + login + " with " + keySource;
  }
}
