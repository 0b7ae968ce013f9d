package org.tritondatacenter.origin.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * Encodes and decodes the ssh-agent messages this package uses (draft-miller-ssh-agent, OpenSSH
 * PROTOCOL.agent). Framing (the 32-bit length in front of each message) is left to {@link
 * AgentConnection}; here a message starts with its type byte.
 */
final class AgentProtocol {
  static final int SSH_AGENT_FAILURE = 5;
  static final int SSH2_AGENTC_REQUEST_IDENTITIES = 11;
  static final int SSH2_AGENT_IDENTITIES_ANSWER = 12;
  static final int SSH2_AGENTC_SIGN_REQUEST = 13;
  static final int SSH2_AGENT_SIGN_RESPONSE = 14;

  /** Sign-request flags that ask for SHA-2 instead of the SHA-1 of the original ssh-rsa. */
  static final int SSH_AGENT_RSA_SHA2_256 = 2;

  static final int SSH_AGENT_RSA_SHA2_512 = 4;

  /** One key the agent holds: its public blob and the comment given to ssh-add. */
  record Identity(byte[] blob, String comment) {}

  /** A signature as the agent returns it: an SSH signature format name and its blob. */
  record AgentSignature(String format, byte[] blob) {}

  private AgentProtocol() {}

  static byte[] requestIdentities() {
    return new WireWriter().writeByte(SSH2_AGENTC_REQUEST_IDENTITIES).toByteArray();
  }

  static List<Identity> parseIdentities(byte[] message) {
    WireReader in = new WireReader(message);
    int type = in.readByte();
    if (type != SSH2_AGENT_IDENTITIES_ANSWER) {
      throw new WireFormatException("the agent answered the key listing with message " + type);
    }
    long count = in.readUint32();
    List<Identity> identities = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      identities.add(new Identity(in.readString(), in.readUtf8()));
    }
    return identities;
  }

  static byte[] signRequest(byte[] blob, byte[] data, int flags) {
    return new WireWriter()
        .writeByte(SSH2_AGENTC_SIGN_REQUEST)
        .writeString(blob)
        .writeString(data)
        .writeUint32(flags)
        .toByteArray();
  }

  /** Decodes a sign response, or returns {@code null} if the agent refused (SSH_AGENT_FAILURE). */
  static AgentSignature parseSignResponse(byte[] message) {
    WireReader in = new WireReader(message);
    int type = in.readByte();
    if (type == SSH_AGENT_FAILURE) {
      return null;
    }
    if (type != SSH2_AGENT_SIGN_RESPONSE) {
      throw new WireFormatException("the agent answered the sign request with message " + type);
    }
    WireReader signature = new WireReader(in.readString());
    return new AgentSignature(signature.readUtf8(), signature.readString());
  }

  /** Returns the flags that make the agent produce the algorithm. */
  static int flags(SignatureAlgorithm algorithm) {
    return switch (algorithm) {
      case RSA_SHA256 -> SSH_AGENT_RSA_SHA2_256;
      case RSA_SHA512 -> SSH_AGENT_RSA_SHA2_512;
      default -> 0;
    };
  }

  /** Returns the SSH signature format name the agent must answer with for the algorithm. */
  static String signatureFormat(SignatureAlgorithm algorithm) {
    return switch (algorithm) {
      case RSA_SHA1 -> "ssh-rsa";
      case RSA_SHA256 -> "rsa-sha2-256";
      case RSA_SHA512 -> "rsa-sha2-512";
      case ECDSA_SHA256 -> KeyType.ECDSA_P256.sshName();
      case ECDSA_SHA384 -> KeyType.ECDSA_P384.sshName();
      case ECDSA_SHA512 -> KeyType.ECDSA_P521.sshName();
      case ED25519_SHA512 -> KeyType.ED25519.sshName();
    };
  }
}
