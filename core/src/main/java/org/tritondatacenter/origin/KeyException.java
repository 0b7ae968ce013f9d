package org.tritondatacenter.origin;

/**
 * Reports a key that cannot be used: unreadable, encrypted without a passphrase, a wrong
 * passphrase, an unsupported type, a type the target service refuses, or a fingerprint found
 * nowhere.
 *
 * <p>The message names the file or fingerprint and says what to do. It never contains key material
 * or the passphrase.
 */
public class KeyException extends TritonException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a user-facing message. */
  public KeyException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a user-facing message and its cause. Callers must make sure the
   * cause's own message carries no key material.
   */
  public KeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
