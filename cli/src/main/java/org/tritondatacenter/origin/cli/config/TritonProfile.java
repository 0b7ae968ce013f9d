package org.tritondatacenter.origin.cli.config;

import java.util.Map;
import java.util.Objects;

/**
 * A node-triton profile after flags were applied: what CloudAPI needs, and where each value came
 * from so a message can point at it.
 *
 * @param name the profile name; {@code env} for the one made of variables
 * @param url the CloudAPI URL
 * @param account the account login
 * @param keyId the key fingerprint (or, here, a private key path)
 * @param user the RBAC sub-user, or null
 * @param insecure true to skip TLS verification
 * @param sources for each field set, where it came from, such as {@code TRITON_URL} or {@code
 *     --account}
 */
public record TritonProfile(
    String name,
    String url,
    String account,
    String keyId,
    String user,
    boolean insecure,
    Map<String, String> sources) {

  public TritonProfile {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(url, "url == null");
    Objects.requireNonNull(account, "account == null");
    Objects.requireNonNull(keyId, "keyId == null");
    sources = Map.copyOf(sources);
  }

  /** Returns where a field's value came from, such as {@code TRITON_URL}. */
  public String source(String field) {
    return sources.getOrDefault(field, "profile '" + name + "'");
  }
}
