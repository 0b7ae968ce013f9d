package org.tritondatacenter.origin.auth;

import org.tritondatacenter.origin.KeyException;

/**
 * Builds the {@link KeyException}s of this package, so every message names its source and says what
 * to do in the same words.
 *
 * <p>Library exceptions are never attached as they are: parsers and ciphers may quote the input
 * they choke on, which here is key text. {@link #scrub} keeps only the class name and stack trace.
 */
final class KeyErrors {
  private KeyErrors() {}

  static KeyException needsPassphrase(String source) {
    return new KeyException(
        "The private key in "
            + source
            + " is encrypted and no passphrase was given. Give its passphrase, or load the key"
            + " into ssh-agent with ssh-add and use the agent.");
  }

  static KeyException wrongPassphrase(String source, Throwable cause) {
    return new KeyException(
        "The passphrase given for the private key in "
            + source
            + " does not decrypt it. Check the passphrase; ssh-keygen -y -f <key file> asks for"
            + " it and shows whether it is right.",
        scrub(cause));
  }

  static KeyException unsupportedType(String source, String typeName) {
    return new KeyException(
        "The private key in "
            + source
            + " is "
            + article(typeName)
            + " key, which is not supported. Use an RSA key (ssh-keygen -t rsa -b 4096): RSA"
            + " is the one type CloudAPI, Manta and IMGAPI all accept.");
  }

  static KeyException notAKey(String source, String why) {
    return new KeyException(
        "The "
            + source
            + " does not hold a private key in OpenSSH or PEM format: "
            + why
            + ". Give the private key itself, such as the contents of ~/.ssh/id_rsa.");
  }

  static KeyException damaged(String source, String why, Throwable cause) {
    return new KeyException(
        "The private key in "
            + source
            + " cannot be read: "
            + why
            + ". It may be damaged or cut short; give an intact copy of the key.",
        cause == null ? null : scrub(cause));
  }

  /**
   * Returns a stand-in for a library exception that carries its class name and stack trace but
   * neither its message nor its causes, which may quote key text.
   */
  static Throwable scrub(Throwable cause) {
    return new ScrubbedCause(cause);
  }

  private static String article(String typeName) {
    return ("AEIOU".indexOf(Character.toUpperCase(typeName.charAt(0))) >= 0 ? "an " : "a ")
        + typeName;
  }

  /** A library failure with its message removed. */
  static final class ScrubbedCause extends Exception {
    private static final long serialVersionUID = 1L;

    ScrubbedCause(Throwable original) {
      super(original.getClass().getName() + " (message withheld: it may quote key text)");
      setStackTrace(original.getStackTrace());
    }
  }
}
