package org.tritondatacenter.origin.cli.config;

/**
 * The flags given for one service; each is null when not given, so the variables and profiles below
 * it apply.
 *
 * @param url the base URL
 * @param login the account (CloudAPI, Manta) or user (IMGAPI)
 * @param subUser the RBAC sub-user (CloudAPI, Manta)
 * @param key a key fingerprint or private key path
 * @param insecure true to skip TLS verification, false to force it on
 */
public record ServiceFlags(String url, String login, String subUser, String key, Boolean insecure) {
  /** No flag given. */
  public static final ServiceFlags NONE = new ServiceFlags(null, null, null, null, null);
}
