package org.tritondatacenter.origin.cli;

import org.tritondatacenter.origin.cli.config.ConnectionFlags;
import org.tritondatacenter.origin.cli.config.ServiceFlags;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The connection flags of every command that talks to Triton. Each overrides the variable or
 * profile field named in its description; see {@code cli/README-cli.md} for the whole table.
 */
final class ConnectionOptions {
  @ArgGroup(validate = false, heading = "%nCloudAPI (node-triton profiles and variables):%n")
  CloudApi cloudApi = new CloudApi();

  @ArgGroup(validate = false, heading = "%nManta (MANTA_* variables):%n")
  Manta manta = new Manta();

  @ArgGroup(validate = false, heading = "%nIMGAPI (UPDATES_IMGADM_* variables):%n")
  Imgapi imgapi = new Imgapi();

  static final class CloudApi {
    @Option(
        names = {"-p", "--profile"},
        paramLabel = "NAME",
        description =
            "Triton profile of ~/.triton/profiles.d to use; 'env' for the TRITON_*/SDC_*"
                + " variables. Default: TRITON_PROFILE, then the profile of"
                + " ~/.triton/config.json, then env.")
    String profile;

    @Option(
        names = {"-U", "--url"},
        paramLabel = "URL",
        description = "CloudAPI URL (TRITON_URL, SDC_URL, profile url).")
    String url;

    @Option(
        names = {"-a", "--account"},
        paramLabel = "ACCOUNT",
        description = "Account login (TRITON_ACCOUNT, SDC_ACCOUNT, profile account).")
    String account;

    @Option(
        names = {"-u", "--user"},
        paramLabel = "USER",
        description = "RBAC sub-user (TRITON_USER, SDC_USER, profile user).")
    String user;

    @Option(
        names = {"-k", "--key-id"},
        paramLabel = "FP|PATH",
        description =
            "CloudAPI key: fingerprint or private key path (TRITON_KEY_ID, SDC_KEY_ID, profile"
                + " keyId).")
    String keyId;

    @Option(
        names = {"-i", "--insecure"},
        arity = "0..1",
        paramLabel = "BOOL",
        description =
            "Do not verify CloudAPI's TLS certificate (TRITON_TLS_INSECURE, profile insecure).")
    Boolean insecure;

    @Option(
        names = "--identity",
        paramLabel = "FP|PATH",
        description =
            "Key for every service not given one by its own flag: a fingerprint (looked up in"
                + " the ssh-agent, then ~/.ssh) or a private key path.")
    String identity;
  }

  static final class Manta {
    @Option(
        names = "--manta-url",
        paramLabel = "URL",
        description = "Manta URL (MANTA_URL); there is no default.")
    String url;

    @Option(
        names = "--manta-user",
        paramLabel = "ACCOUNT",
        description = "Manta account (MANTA_USER, else the Triton profile's account).")
    String user;

    @Option(
        names = "--manta-subuser",
        paramLabel = "USER",
        description = "Manta sub-user (MANTA_SUBUSER).")
    String subUser;

    @Option(
        names = "--manta-key-id",
        paramLabel = "FP|PATH",
        description = "Manta key (MANTA_KEY_ID, else --identity, else the Triton profile's).")
    String keyId;

    @Option(
        names = "--manta-insecure",
        arity = "0..1",
        paramLabel = "BOOL",
        description = "Do not verify Manta's TLS certificate (MANTA_TLS_INSECURE).")
    Boolean insecure;
  }

  static final class Imgapi {
    @Option(
        names = "--imgapi-url",
        paramLabel = "URL",
        description =
            "IMGAPI URL (UPDATES_IMGADM_URL, default " + "https://updates.tritondatacenter.com).")
    String url;

    @Option(
        names = "--imgapi-user",
        paramLabel = "USER",
        description = "IMGAPI user (UPDATES_IMGADM_USER); without one, reads are anonymous.")
    String user;

    @Option(
        names = "--imgapi-identity",
        paramLabel = "FP|PATH",
        description = "IMGAPI key (UPDATES_IMGADM_IDENTITY, else --identity, else ~/.ssh/id_rsa).")
    String identity;

    @Option(
        names = "--imgapi-insecure",
        arity = "0..1",
        paramLabel = "BOOL",
        description = "Do not verify IMGAPI's TLS certificate (UPDATES_IMGADM_INSECURE).")
    Boolean insecure;

    @Option(
        names = "--source-imgapi-url",
        paramLabel = "URL",
        description = "A second IMGAPI to copy images from (endpoint name 'source').")
    String sourceUrl;

    @Option(
        names = "--source-imgapi-user",
        paramLabel = "USER",
        description = "User on the source IMGAPI; without one, it is read anonymously.")
    String sourceUser;

    @Option(
        names = "--source-imgapi-identity",
        paramLabel = "FP|PATH",
        description = "Key for the source IMGAPI (default: as for the IMGAPI).")
    String sourceIdentity;

    @Option(
        names = "--source-imgapi-insecure",
        arity = "0..1",
        paramLabel = "BOOL",
        description = "Do not verify the source IMGAPI's TLS certificate.")
    Boolean sourceInsecure;

    @Option(
        names = "--public-imgapi-url",
        paramLabel = "URL",
        description =
            "A public IMGAPI to publish to (endpoint name 'public';"
                + " TRITON_ORIGIN_PUBLIC_IMGAPI_URL).")
    String publicUrl;

    @Option(
        names = "--public-imgapi-user",
        paramLabel = "USER",
        description = "User on the public IMGAPI (default: the IMGAPI user).")
    String publicUser;

    @Option(
        names = "--public-imgapi-identity",
        paramLabel = "FP|PATH",
        description = "Key for the public IMGAPI (default: as for the IMGAPI).")
    String publicIdentity;

    @Option(
        names = "--public-imgapi-insecure",
        arity = "0..1",
        paramLabel = "BOOL",
        description = "Do not verify the public IMGAPI's TLS certificate.")
    Boolean publicInsecure;
  }

  /** Returns the flags as given; absent flags are null. */
  ConnectionFlags flags() {
    return new ConnectionFlags(
        cloudApi.profile,
        cloudApi.identity,
        new ServiceFlags(
            cloudApi.url, cloudApi.account, cloudApi.user, cloudApi.keyId, cloudApi.insecure),
        new ServiceFlags(manta.url, manta.user, manta.subUser, manta.keyId, manta.insecure),
        new ServiceFlags(imgapi.url, imgapi.user, null, imgapi.identity, imgapi.insecure),
        new ServiceFlags(
            imgapi.sourceUrl,
            imgapi.sourceUser,
            null,
            imgapi.sourceIdentity,
            imgapi.sourceInsecure),
        new ServiceFlags(
            imgapi.publicUrl,
            imgapi.publicUser,
            null,
            imgapi.publicIdentity,
            imgapi.publicInsecure));
  }

  /** Returns true when the user pointed at a source IMGAPI. */
  boolean hasSourceImgapi() {
    return imgapi.sourceUrl != null;
  }
}
