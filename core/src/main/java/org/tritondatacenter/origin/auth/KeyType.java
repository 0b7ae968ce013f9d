package org.tritondatacenter.origin.auth;

/**
 * The key types this package reads. All of them load and sign, but the services accept only some
 * (see {@link AlgorithmPolicy}): Ed25519 and ECDSA P-384 keys are refused everywhere.
 */
public enum KeyType {
  /** RSA, SSH name {@code ssh-rsa}. Works with every service. */
  RSA("RSA", "ssh-rsa"),
  /** ECDSA on NIST P-256, SSH name {@code ecdsa-sha2-nistp256}. */
  ECDSA_P256("ECDSA P-256", "ecdsa-sha2-nistp256"),
  /** ECDSA on NIST P-384, SSH name {@code ecdsa-sha2-nistp384}. */
  ECDSA_P384("ECDSA P-384", "ecdsa-sha2-nistp384"),
  /** ECDSA on NIST P-521, SSH name {@code ecdsa-sha2-nistp521}. */
  ECDSA_P521("ECDSA P-521", "ecdsa-sha2-nistp521"),
  /** Ed25519, SSH name {@code ssh-ed25519}. */
  ED25519("Ed25519", "ssh-ed25519");

  private final String displayName;
  private final String sshName;

  KeyType(String displayName, String sshName) {
    this.displayName = displayName;
    this.sshName = sshName;
  }

  /** Returns the name users know the type by, such as {@code ECDSA P-256}. */
  public String displayName() {
    return displayName;
  }

  /** Returns the key type name of the SSH wire format, such as {@code ecdsa-sha2-nistp256}. */
  public String sshName() {
    return sshName;
  }

  /** Returns the curve name that ECDSA public key blobs carry, such as {@code nistp256}. */
  String curveName() {
    return sshName.startsWith("ecdsa-sha2-") ? sshName.substring("ecdsa-sha2-".length()) : null;
  }

  /** Returns the type with the given SSH wire name, or {@code null} for any other name. */
  static KeyType ofSshName(String name) {
    for (KeyType type : values()) {
      if (type.sshName.equals(name)) {
        return type;
      }
    }
    return null;
  }
}
