package org.tritondatacenter.origin.testkit.auth;

import org.tritondatacenter.origin.testkit.KeyKind;
import org.tritondatacenter.origin.testkit.TestKey;

/** Generates keys for the local Triton's account. */
public final class KeyGenerator {
  private KeyGenerator() {}

  /** Generates a key of one kind, with {@code comment} on its public-key line. */
  public static TestKey generate(KeyKind kind, String comment) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
