package org.tritondatacenter.origin.testkit;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A key the local Triton generated and registered on its account.
 *
 * @param kind the key type
 * @param privateKeyText the private key as PEM or OpenSSH text
 * @param publicKeyLine the OpenSSH public key line ({@code ssh-rsa AAAA... comment})
 * @param md5Fingerprint lowercase colon-hex MD5 fingerprint, as the services match keys
 * @param sha256Fingerprint {@code SHA256:<base64>} fingerprint, as {@code ssh-keygen -l} prints
 * @param privateKeyFile where the private key was written (with its {@code .pub} beside it), or
 *     null when no home directory was configured
 */
public record TestKey(
    KeyKind kind,
    String privateKeyText,
    String publicKeyLine,
    String md5Fingerprint,
    String sha256Fingerprint,
    Path privateKeyFile) {

  public TestKey {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(privateKeyText, "privateKeyText == null");
    Objects.requireNonNull(publicKeyLine, "publicKeyLine == null");
    Objects.requireNonNull(md5Fingerprint, "md5Fingerprint == null");
    Objects.requireNonNull(sha256Fingerprint, "sha256Fingerprint == null");
  }

  /** Returns a copy that records where the private key was written. */
  public TestKey writtenTo(Path file) {
    return new TestKey(
        kind, privateKeyText, publicKeyLine, md5Fingerprint, sha256Fingerprint, file);
  }

  /** Never shows the private key. */
  @Override
  public String toString() {
    return "TestKey["
        + kind
        + " "
        + md5Fingerprint
        + (privateKeyFile == null ? "" : " " + privateKeyFile)
        + "]";
  }
}
