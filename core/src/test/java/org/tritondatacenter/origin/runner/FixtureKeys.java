package org.tritondatacenter.origin.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.tritondatacenter.origin.auth.SigningKey;
import org.tritondatacenter.origin.auth.SshKeys;

/** Loads the auth package's ssh-keygen fixtures, for tests that need a key of some type. */
final class FixtureKeys {
  private FixtureKeys() {}

  /** Returns the unencrypted fixture {@code name}, such as {@code openssh-ed25519}. */
  static SigningKey load(String name) {
    String resource = "/org/tritondatacenter/origin/auth/keys/" + name;
    try (InputStream in = FixtureKeys.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no key fixture " + resource);
      }
      return SshKeys.parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII), null, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
