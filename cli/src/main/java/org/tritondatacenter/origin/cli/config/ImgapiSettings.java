package org.tritondatacenter.origin.cli.config;

import static org.tritondatacenter.origin.cli.config.Settings.pick;
import static org.tritondatacenter.origin.cli.config.Settings.tls;
import static org.tritondatacenter.origin.cli.config.Settings.url;

import java.net.URI;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.auth.SigningKey;
import org.tritondatacenter.origin.cli.config.Settings.Setting;
import org.tritondatacenter.origin.runner.ResolvedEndpoint;

/**
 * The IMGAPI endpoints: the default one from the {@code UPDATES_IMGADM_*} variables, as {@code
 * updates-imgadm} reads them, and the source and public ones from their flags.
 */
final class ImgapiSettings {
  private final EnvValues env;
  private final ConnectionFlags flags;
  private final KeyLoader keys;
  private final boolean signedImgapi;

  ImgapiSettings(EnvValues env, ConnectionFlags flags, KeyLoader keys, boolean signedImgapi) {
    this.env = env;
    this.flags = flags;
    this.keys = keys;
    this.signedImgapi = signedImgapi;
  }

  /** Resolves the default IMGAPI, the one {@code updates-imgadm} would use. */
  ResolvedEndpoint resolveDefault() {
    ServiceFlags f = flags.imgapi();
    Setting url = pick(f.url(), "--imgapi-url", env.first("UPDATES_IMGADM_URL"));
    if (url == null) {
      url = new Setting(CliEndpoints.UPDATES_URL, "the default of UPDATES_IMGADM_URL");
    }
    Setting user = pick(f.login(), "--imgapi-user", env.first("UPDATES_IMGADM_USER"));
    EnvValues.Found channel = env.first("UPDATES_IMGADM_CHANNEL");
    Boolean insecure = f.insecure() != null ? f.insecure() : env.bool("UPDATES_IMGADM_INSECURE");
    URI uri = url(Service.IMGAPI, url.value(), url.source());
    if (user == null) {
      if (signedImgapi) {
        throw new ConfigException(
            "IMGAPI "
                + uri
                + " needs a user to change images: set UPDATES_IMGADM_USER or give --imgapi-user");
      }
      return new ResolvedEndpoint(
          Service.IMGAPI,
          CliEndpoints.DEFAULT,
          uri,
          "anonymous",
          null,
          null,
          tls(Boolean.TRUE.equals(insecure)),
          channel == null ? null : channel.value());
    }
    Setting identity = imgapiIdentity(f);
    SigningKey key = keys.load(identity.value(), "the IMGAPI key (" + identity.source() + ")");
    return new ResolvedEndpoint(
        Service.IMGAPI,
        CliEndpoints.DEFAULT,
        uri,
        user.value(),
        null,
        key,
        tls(Boolean.TRUE.equals(insecure)),
        channel == null ? null : channel.value());
  }

  private Setting imgapiIdentity(ServiceFlags f) {
    Setting identity = pick(f.key(), "--imgapi-identity", null);
    if (identity == null) {
      identity = pick(flags.identity(), "--identity", env.first("UPDATES_IMGADM_IDENTITY"));
    }
    // updates-imgadm's own default when no identity is configured.
    return identity != null ? identity : new Setting("~/.ssh/id_rsa", "the default identity");
  }

  /**
   * Resolves the source or public IMGAPI. The public one is written to, so its user and key fall
   * back to the default IMGAPI's; the source is only read, anonymously unless a user is given.
   */
  ResolvedEndpoint resolveOther(
      String name, ServiceFlags f, EnvValues.Found urlVariable, boolean writable) {
    String flagPrefix = "--" + name + "-imgapi-";
    Setting url = pick(f.url(), flagPrefix + "url", urlVariable);
    if (url == null) {
      throw new ConfigException(
          "the "
              + name
              + " IMGAPI has no URL: give "
              + flagPrefix
              + "url"
              + (name.equals(CliEndpoints.PUBLIC)
                  ? " or set TRITON_ORIGIN_PUBLIC_IMGAPI_URL"
                  : ""));
    }
    URI uri = url(Service.IMGAPI, url.value(), url.source());
    Boolean insecure =
        f.insecure() != null
            ? f.insecure()
            : flags.imgapi().insecure() != null
                ? flags.imgapi().insecure()
                : env.bool("UPDATES_IMGADM_INSECURE");
    Setting user = pick(f.login(), flagPrefix + "user", null);
    if (user == null && writable) {
      user = pick(flags.imgapi().login(), "--imgapi-user", env.first("UPDATES_IMGADM_USER"));
    }
    if (user == null) {
      if (writable) {
        throw new ConfigException(
            "the "
                + name
                + " IMGAPI "
                + uri
                + " needs a user: give "
                + flagPrefix
                + "user (or set UPDATES_IMGADM_USER)");
      }
      return new ResolvedEndpoint(
          Service.IMGAPI,
          name,
          uri,
          "anonymous",
          null,
          null,
          tls(Boolean.TRUE.equals(insecure)),
          null);
    }
    Setting identity = pick(f.key(), flagPrefix + "identity", null);
    if (identity == null) {
      identity = imgapiIdentity(flags.imgapi());
    }
    SigningKey key =
        keys.load(identity.value(), "the " + name + " IMGAPI key (" + identity.source() + ")");
    return new ResolvedEndpoint(
        Service.IMGAPI,
        name,
        uri,
        user.value(),
        null,
        key,
        tls(Boolean.TRUE.equals(insecure)),
        null);
  }
}
