package org.tritondatacenter.origin.testkit.auth;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.tritondatacenter.origin.testkit.KeyKind;

/** The OpenSSH public-key types the local Triton registers, with their curve details. */
enum SshKeyType {
  RSA("ssh-rsa", null, null, 0),
  ECDSA_P256("ecdsa-sha2-nistp256", "nistp256", "secp256r1", 32),
  ECDSA_P384("ecdsa-sha2-nistp384", "nistp384", "secp384r1", 48),
  ECDSA_P521("ecdsa-sha2-nistp521", "nistp521", "secp521r1", 66),
  ED25519("ssh-ed25519", null, null, 0);

  private final String sshName;
  private final String curveId;
  private final String jcaCurve;
  private final int fieldBytes;

  SshKeyType(String sshName, String curveId, String jcaCurve, int fieldBytes) {
    this.sshName = sshName;
    this.curveId = curveId;
    this.jcaCurve = jcaCurve;
    this.fieldBytes = fieldBytes;
  }

  /** Returns the name on the public-key line and inside the blob, such as {@code ssh-rsa}. */
  String sshName() {
    return sshName;
  }

  /** Returns the SSH curve identifier ({@code nistp256}), or null for non-ECDSA keys. */
  String curveId() {
    return curveId;
  }

  /** Returns the standard curve name ({@code secp256r1}), or null for non-ECDSA keys. */
  String jcaCurve() {
    return jcaCurve;
  }

  /** Returns the byte length of one coordinate of a curve point. */
  int fieldBytes() {
    return fieldBytes;
  }

  boolean isEcdsa() {
    return curveId != null;
  }

  /** Returns the type with this OpenSSH name, or throws naming the supported ones. */
  static SshKeyType fromSshName(String name) {
    for (SshKeyType type : values()) {
      if (type.sshName.equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "unsupported key type '"
            + name
            + "' (supported: "
            + Arrays.stream(values()).map(SshKeyType::sshName).collect(Collectors.joining(", "))
            + ")");
  }

  static SshKeyType of(KeyKind kind) {
    return switch (kind) {
      case RSA -> RSA;
      case ECDSA_P256 -> ECDSA_P256;
      case ECDSA_P384 -> ECDSA_P384;
      case ECDSA_P521 -> ECDSA_P521;
      case ED25519 -> ED25519;
    };
  }
}
