package org.tritondatacenter.origin.testkit.auth;

import java.util.EnumMap;
import java.util.Map;
import org.tritondatacenter.origin.testkit.KeyKind;
import org.tritondatacenter.origin.testkit.TestKey;

/** Keys generated once per test run: generating RSA keys is the slow part of these tests. */
final class TestKeys {
  private static final Map<KeyKind, TestKey> KEYS = new EnumMap<>(KeyKind.class);
  private static TestKey stranger;

  private TestKeys() {}

  /** Returns the registered key of one kind. */
  static synchronized TestKey of(KeyKind kind) {
    return KEYS.computeIfAbsent(kind, k -> KeyGenerator.generate(k, "alice@test"));
  }

  static TestKey rsa() {
    return of(KeyKind.RSA);
  }

  /** Returns an RSA key that no account has. */
  static synchronized TestKey stranger() {
    if (stranger == null) {
      stranger = KeyGenerator.generate(KeyKind.RSA, "mallory@test");
    }
    return stranger;
  }
}
