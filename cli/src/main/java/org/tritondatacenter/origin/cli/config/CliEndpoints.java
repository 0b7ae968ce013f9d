package org.tritondatacenter.origin.cli.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.auth.SigningKey;
import org.tritondatacenter.origin.http.TlsSettings;
import org.tritondatacenter.origin.runner.EndpointResolver;
import org.tritondatacenter.origin.runner.ResolvedEndpoint;

/**
 * Resolves the endpoints steps name from the user's profile, environment and flags, lazily: a
 * command that never touches Manta never needs Manta settings.
 *
 * <ul>
 *   <li>CloudAPI: the node-triton profile (see {@link #tritonProfile()}).
 *   <li>Manta: {@code MANTA_URL}, {@code MANTA_USER}, {@code MANTA_SUBUSER}, {@code MANTA_KEY_ID}
 *       and {@code MANTA_TLS_INSECURE}, under the {@code --manta-*} flags. The user, sub-user and
 *       key fall back to the Triton profile's, as the original build did; the URL has no default.
 *   <li>IMGAPI: {@code UPDATES_IMGADM_URL} (default {@value #UPDATES_URL}), {@code
 *       UPDATES_IMGADM_USER}, {@code UPDATES_IMGADM_IDENTITY} (default {@code ~/.ssh/id_rsa}),
 *       {@code UPDATES_IMGADM_CHANNEL} and {@code UPDATES_IMGADM_INSECURE}, under the {@code
 *       --imgapi-*} flags. Without a user, requests are anonymous reads.
 * </ul>
 *
 * <p>IMGAPI endpoints have names: {@value #DEFAULT} (or none), {@value #SOURCE} (the {@code
 * --source-imgapi-*} flags, a server to copy from) and {@value #PUBLIC} (the {@code
 * --public-imgapi-*} flags or {@code TRITON_ORIGIN_PUBLIC_IMGAPI_URL}, a public images server).
 * {@code --identity} gives the key of every service that is not given one by its own flag.
 */
public final class CliEndpoints implements EndpointResolver {
  /** The name of each service's default endpoint. */
  public static final String DEFAULT = "default";

  /** The name of the IMGAPI that images are copied from. */
  public static final String SOURCE = "source";

  /** The name of the public IMGAPI. */
  public static final String PUBLIC = "public";

  /** The IMGAPI that {@code updates-imgadm} talks to by default. */
  public static final String UPDATES_URL = "https://updates.tritondatacenter.com";

  private final EnvValues env;
  private final ConnectionFlags flags;
  private final TritonProfiles profiles;
  private final KeyLoader keys;
  private final boolean signedImgapi;
  private final Map<String, ResolvedEndpoint> resolved = new ConcurrentHashMap<>();
  private volatile TritonProfile profile;

  private CliEndpoints(
      Map<String, String> env,
      Path home,
      Path workingDir,
      ConnectionFlags flags,
      PassphrasePrompt prompt,
      boolean signedImgapi) {
    this.env = new EnvValues(env);
    this.flags = flags;
    this.profiles = new TritonProfiles(env, home);
    this.keys = new KeyLoader(env, home, workingDir, prompt);
    this.signedImgapi = signedImgapi;
  }

  /**
   * Creates a resolver.
   *
   * @param env the process environment
   * @param home the user's home directory, holding {@code .triton} and {@code .ssh}
   * @param workingDir where relative key paths are looked up
   * @param flags the command's connection flags
   * @param prompt asks for passphrases of encrypted key files
   * @param signedImgapi true for commands that write to IMGAPI, which then needs a user
   */
  public static CliEndpoints create(
      Map<String, String> env,
      Path home,
      Path workingDir,
      ConnectionFlags flags,
      PassphrasePrompt prompt,
      boolean signedImgapi) {
    return new CliEndpoints(
        Map.copyOf(env),
        Objects.requireNonNull(home, "home == null"),
        Objects.requireNonNull(workingDir, "workingDir == null"),
        Objects.requireNonNull(flags, "flags == null"),
        Objects.requireNonNull(prompt, "prompt == null"),
        signedImgapi);
  }

  @Override
  public ResolvedEndpoint resolve(Service service, String name) {
    String key = service + "/" + (name == null ? DEFAULT : name);
    ResolvedEndpoint endpoint = resolved.get(key);
    if (endpoint == null) {
      endpoint = lookUp(service, name == null ? DEFAULT : name);
      resolved.put(key, endpoint);
    }
    return endpoint;
  }

  /**
   * Returns the CloudAPI profile, loaded once: chosen by {@code --profile}, {@code TRITON_PROFILE}
   * or {@code ~/.triton/config.json}, else the {@code env} profile; flags applied.
   *
   * @throws ConfigException naming each missing or bad setting
   */
  public TritonProfile tritonProfile() {
    TritonProfile p = profile;
    if (p == null) {
      ServiceFlags f = flags.cloudApi();
      String keyFlag = "--key-id";
      if (f.key() == null && flags.identity() != null) {
        f = new ServiceFlags(f.url(), f.login(), f.subUser(), flags.identity(), f.insecure());
        keyFlag = "--identity";
      }
      p = profiles.load(flags.profile(), f, keyFlag);
      profile = p;
    }
    return p;
  }

  private ResolvedEndpoint lookUp(Service service, String name) {
    if (service == Service.IMGAPI) {
      return switch (name) {
        case DEFAULT -> imgapi();
        case SOURCE -> otherImgapi(SOURCE, flags.sourceImgapi(), null, false);
        case PUBLIC ->
            otherImgapi(
                PUBLIC, flags.publicImgapi(), env.first("TRITON_ORIGIN_PUBLIC_IMGAPI_URL"), true);
        default ->
            throw new ConfigException(
                "unknown IMGAPI endpoint '"
                    + name
                    + "'; the command line knows "
                    + DEFAULT
                    + ", "
                    + SOURCE
                    + " (--source-imgapi-*) and "
                    + PUBLIC
                    + " (--public-imgapi-*)");
      };
    }
    if (!name.equals(DEFAULT)) {
      throw new ConfigException(
          "unknown "
              + service
              + " endpoint '"
              + name
              + "'; the command line has one "
              + service
              + ", named "
              + DEFAULT
              + " (leave the option out)");
    }
    return service == Service.CLOUDAPI ? cloudApi() : manta();
  }

  private ResolvedEndpoint cloudApi() {
    TritonProfile p = tritonProfile();
    URI url = url(Service.CLOUDAPI, p.url(), p.source("url"));
    SigningKey key = keys.load(p.keyId(), "the CloudAPI key (" + p.source("keyId") + ")");
    return new ResolvedEndpoint(
        Service.CLOUDAPI, DEFAULT, url, p.account(), p.user(), key, tls(p.insecure()), null);
  }

  private ResolvedEndpoint manta() {
    ServiceFlags f = flags.manta();
    Setting url = pick(f.url(), "--manta-url", env.first("MANTA_URL"));
    if (url == null) {
      throw new ConfigException(
          "Manta has no URL: set MANTA_URL or give --manta-url (such as"
              + " https://us-central.manta.mnx.io); there is no default");
    }
    Setting user = pick(f.login(), "--manta-user", env.first("MANTA_USER"));
    String subUser;
    if (user != null) {
      Setting sub = pick(f.subUser(), "--manta-subuser", env.first("MANTA_SUBUSER"));
      subUser = sub == null ? null : sub.value();
    } else {
      TritonProfile p = derived("the Manta user", "MANTA_USER or --manta-user");
      user = new Setting(p.account(), "the Triton profile '" + p.name() + "'");
      Setting sub = pick(f.subUser(), "--manta-subuser", env.first("MANTA_SUBUSER"));
      subUser = sub != null ? sub.value() : p.user();
    }
    Setting keyId = pick(f.key(), "--manta-key-id", null);
    if (keyId == null) {
      keyId = pick(flags.identity(), "--identity", env.first("MANTA_KEY_ID"));
    }
    if (keyId == null) {
      TritonProfile p = derived("the Manta key", "MANTA_KEY_ID, --manta-key-id or --identity");
      keyId = new Setting(p.keyId(), "the Triton profile '" + p.name() + "'");
    }
    Boolean insecure = f.insecure() != null ? f.insecure() : env.bool("MANTA_TLS_INSECURE");
    SigningKey key = keys.load(keyId.value(), "the Manta key (" + keyId.source() + ")");
    return new ResolvedEndpoint(
        Service.MANTA,
        DEFAULT,
        url(Service.MANTA, url.value(), url.source()),
        user.value(),
        subUser,
        key,
        tls(Boolean.TRUE.equals(insecure)),
        null);
  }

  private TritonProfile derived(String what, String settings) {
    try {
      return tritonProfile();
    } catch (ConfigException e) {
      throw new ConfigException(
          what
              + " is not set: set "
              + settings
              + ", or configure a Triton profile to take it from. "
              + e.getMessage(),
          e);
    }
  }

  private ResolvedEndpoint imgapi() {
    ServiceFlags f = flags.imgapi();
    Setting url = pick(f.url(), "--imgapi-url", env.first("UPDATES_IMGADM_URL"));
    if (url == null) {
      url = new Setting(UPDATES_URL, "the default of UPDATES_IMGADM_URL");
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
          DEFAULT,
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
        DEFAULT,
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
  private ResolvedEndpoint otherImgapi(
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
              + (name.equals(PUBLIC) ? " or set TRITON_ORIGIN_PUBLIC_IMGAPI_URL" : ""));
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

  private static Setting pick(String flagValue, String flag, EnvValues.Found variable) {
    if (flagValue != null && !flagValue.isBlank()) {
      return new Setting(flagValue.strip(), flag);
    }
    return variable == null ? null : new Setting(variable.value(), variable.variable());
  }

  private static TlsSettings tls(boolean insecure) {
    return insecure ? TlsSettings.insecureSkipVerify() : TlsSettings.DEFAULT;
  }

  /** Parses a service URL, naming where it came from when it is not one. */
  static URI url(Service service, String value, String source) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      uri = null;
    }
    String scheme =
        uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri == null
        || !(scheme.equals("https") || scheme.equals("http"))
        || uri.getHost() == null
        || uri.getRawQuery() != null
        || uri.getRawUserInfo() != null) {
      throw new ConfigException(
          "the "
              + service
              + " URL '"
              + value
              + "' (from "
              + source
              + ") is not a usable URL; give one such as https://host.example.com, without a"
              + " user name, query or fragment");
    }
    return uri;
  }

  /** A value and the flag, variable or profile it came from. */
  private record Setting(String value, String source) {}
}
