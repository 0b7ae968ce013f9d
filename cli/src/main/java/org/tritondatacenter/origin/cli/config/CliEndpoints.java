package org.tritondatacenter.origin.cli.config;

import static org.tritondatacenter.origin.cli.config.Settings.pick;
import static org.tritondatacenter.origin.cli.config.Settings.tls;
import static org.tritondatacenter.origin.cli.config.Settings.url;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.auth.SigningKey;
import org.tritondatacenter.origin.cli.config.Settings.Setting;
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
  private final ImgapiSettings imgapis;
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
    this.imgapis = new ImgapiSettings(this.env, flags, keys, signedImgapi);
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
        case DEFAULT -> imgapis.resolveDefault();
        case SOURCE -> imgapis.resolveOther(SOURCE, flags.sourceImgapi(), null, false);
        case PUBLIC ->
            imgapis.resolveOther(
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
}
