package org.tritondatacenter.origin.testkit.auth;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.tritondatacenter.origin.testkit.http.AuthProvider;
import org.tritondatacenter.origin.testkit.http.Authenticator;
import org.tritondatacenter.origin.testkit.http.Exchange;
import org.tritondatacenter.origin.testkit.http.Principal;
import org.tritondatacenter.origin.testkit.http.ServiceKind;

/**
 * The accounts, sub-users and public keys the local Triton knows, and the signature verifiers of
 * the three services. Thread-safe.
 *
 * <p>Each service verifies with its own rules and answers (apis.md §1): CloudAPI takes keyIds
 * {@code /login/keys/<md5 or name>} and {@code /login/users/sub/keys/<key>}, Manta {@code
 * /login/keys/<md5>} and {@code /login/sub/keys/<md5>} (and pre-signed URLs), IMGAPI the bare
 * account login, trying each of the account's RSA keys.
 */
public final class Accounts implements AuthProvider {
  private final Map<String, Identity> accounts = new ConcurrentHashMap<>();
  private final Map<ServiceKind, Authenticator> authenticators = new EnumMap<>(ServiceKind.class);
  private final MantaAuthenticator manta;

  /**
   * Creates the registry with one account.
   *
   * @param now each kind of service's wall-clock "now", for the 300 s skew check
   */
  public Accounts(String account, Function<ServiceKind, Instant> now) {
    Objects.requireNonNull(now, "now == null");
    addAccount(account);
    manta = new MantaAuthenticator(this, () -> now.apply(ServiceKind.MANTA));
    authenticators.put(
        ServiceKind.CLOUDAPI,
        new CloudApiAuthenticator(this, () -> now.apply(ServiceKind.CLOUDAPI)));
    authenticators.put(ServiceKind.MANTA, manta);
    authenticators.put(
        ServiceKind.IMGAPI, new ImgapiAuthenticator(this, () -> now.apply(ServiceKind.IMGAPI)));
  }

  /** Registers another account; registering an existing login again changes nothing. */
  public void addAccount(String login) {
    checkName("account login", login);
    accounts.computeIfAbsent(login, l -> new Identity(l, accountUuid(l)));
  }

  /** Registers a sub-user of an account. */
  public void addSubUser(String account, String subUser) {
    checkName("sub-user login", subUser);
    Identity owner = account(account);
    owner.subUsers().computeIfAbsent(subUser, s -> new Identity(s, subUserUuid(account, s)));
  }

  /**
   * Registers an OpenSSH public-key line for an account or one of its sub-users. The key's CloudAPI
   * name is its MD5 fingerprint, as CloudAPI names a key added without a name.
   *
   * @throws IllegalArgumentException when the line is malformed or of an unsupported type, naming
   *     what is wrong, or when the account or sub-user does not exist
   */
  public void addKey(String account, String subUserOrNull, String publicKeyLine) {
    addKey(account, subUserOrNull, null, publicKeyLine);
  }

  /** Registers an OpenSSH public-key line under a CloudAPI key name (null for the fingerprint). */
  public void addKey(String account, String subUserOrNull, String name, String publicKeyLine) {
    Identity owner = identity(account, subUserOrNull);
    SshPublicKey key;
    try {
      key = SshPublicKey.parse(publicKeyLine);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cannot register a key for " + who(account, subUserOrNull) + ": " + e.getMessage(), e);
    }
    owner.addKey(new RegisteredKey(name == null ? key.md5Fingerprint() : name, key));
  }

  /** Returns the keys of an account or one of its sub-users, in the order they were added. */
  public List<AccountKey> keys(String account, String subUserOrNull) {
    return identity(account, subUserOrNull).keys().stream()
        .map(
            k ->
                new AccountKey(
                    k.name(),
                    k.key().md5Fingerprint(),
                    k.key().sha256Fingerprint(),
                    k.key().line()))
        .toList();
  }

  @Override
  public Map<String, String> publicKeys(String account, String subUser) {
    if (!accountExists(account) || (subUser != null && !subUserExists(account, subUser))) {
      return Map.of();
    }
    Map<String, String> lines = new LinkedHashMap<>();
    identity(account, subUser).keys().forEach(k -> lines.put(k.name(), k.key().line()));
    return lines;
  }

  @Override
  public Authenticator authenticator(ServiceKind kind) {
    return authenticators.get(Objects.requireNonNull(kind, "kind == null"));
  }

  @Override
  public Principal verifySignedUrl(Exchange exchange) {
    return manta.verifySignedUrl(exchange);
  }

  @Override
  public boolean accountExists(String account) {
    return account != null && accounts.containsKey(account);
  }

  @Override
  public boolean subUserExists(String account, String subUser) {
    Identity owner = account == null ? null : accounts.get(account);
    return owner != null && subUser != null && owner.subUsers().containsKey(subUser);
  }

  /** Returns the account, or null. */
  Identity find(String login) {
    return login == null ? null : accounts.get(login);
  }

  private Identity account(String login) {
    Identity owner = find(login);
    if (owner == null) {
      throw new IllegalArgumentException(
          "no account '" + login + "' in the local Triton; add it with addAccount first");
    }
    return owner;
  }

  private Identity identity(String account, String subUserOrNull) {
    Identity owner = account(account);
    if (subUserOrNull == null) {
      return owner;
    }
    Identity sub = owner.subUsers().get(subUserOrNull);
    if (sub == null) {
      throw new IllegalArgumentException(
          "account '"
              + account
              + "' has no sub-user '"
              + subUserOrNull
              + "'; add it with addSubUser first");
    }
    return sub;
  }

  private static String who(String account, String subUserOrNull) {
    return subUserOrNull == null ? account : account + "/" + subUserOrNull;
  }

  private static void checkName(String what, String name) {
    if (name == null
        || name.isBlank()
        || name.contains("/")
        || name.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "invalid " + what + " '" + name + "': it must be non-empty, without '/' or spaces");
    }
  }
}
