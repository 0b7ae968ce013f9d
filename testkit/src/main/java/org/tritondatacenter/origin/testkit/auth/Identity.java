package org.tritondatacenter.origin.testkit.auth;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** An account or one of its sub-users: a login, a stable UUID and its keys. Thread-safe. */
final class Identity {
  private final String login;
  private final UUID uuid;
  private final List<RegisteredKey> keys = new CopyOnWriteArrayList<>();
  private final Map<String, Identity> subUsers = new ConcurrentHashMap<>();

  Identity(String login, UUID uuid) {
    this.login = login;
    this.uuid = uuid;
  }

  String login() {
    return login;
  }

  UUID uuid() {
    return uuid;
  }

  List<RegisteredKey> keys() {
    return keys;
  }

  /** Returns the sub-users of an account (always empty for a sub-user). */
  Map<String, Identity> subUsers() {
    return subUsers;
  }

  /** Adds a key unless the same key is already there; refuses a second key under a name in use. */
  synchronized void addKey(RegisteredKey key) {
    for (RegisteredKey existing : keys) {
      if (existing.key().equals(key.key())) {
        return;
      }
      if (existing.name().equals(key.name())) {
        throw new IllegalArgumentException(login + " already has a key named '" + key.name() + "'");
      }
    }
    keys.add(key);
  }

  /** Finds a key by MD5 fingerprint only, as Manta does. */
  RegisteredKey keyByFingerprint(String md5) {
    for (RegisteredKey k : keys) {
      if (k.key().md5Fingerprint().equals(md5)) {
        return k;
      }
    }
    return null;
  }

  /** Finds a key by MD5 fingerprint or by name, as CloudAPI does. */
  RegisteredKey keyByFingerprintOrName(String keyPart) {
    RegisteredKey byFingerprint = keyByFingerprint(keyPart);
    if (byFingerprint != null) {
      return byFingerprint;
    }
    for (RegisteredKey k : keys) {
      if (k.name().equals(keyPart)) {
        return k;
      }
    }
    return null;
  }
}
