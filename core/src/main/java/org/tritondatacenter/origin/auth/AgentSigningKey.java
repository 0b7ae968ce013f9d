package org.tritondatacenter.origin.auth;

import java.security.PublicKey;
import java.util.Arrays;
import org.tritondatacenter.origin.KeyException;

/** A key held by an ssh-agent: the private half stays in the agent, which signs on request. */
final class AgentSigningKey extends BaseSigningKey {
  private final SshAgent agent;
  private final byte[] blob;

  AgentSigningKey(SshAgent agent, byte[] blob, KeyType type, PublicKey publicKey, String comment) {
    super(
        type,
        publicKey,
        Fingerprint.ofPublicKeyBlob(blob),
        comment.isBlank() ? "ssh-agent" : "ssh-agent key '" + comment + "'");
    this.agent = agent;
    this.blob = Arrays.copyOf(blob, blob.length);
  }

  @Override
  byte[] signFitting(SignatureAlgorithm algorithm, byte[] data) {
    AgentProtocol.AgentSignature signature =
        agent.sign(blob, data, AgentProtocol.flags(algorithm), this);
    String expected = AgentProtocol.signatureFormat(algorithm);
    if (!signature.format().equals(expected)) {
      // An agent that ignores the SHA-2 flags answers with ssh-rsa (SHA-1); sending that under
      // the name rsa-sha256 would only fail later, at the server, with a vaguer error.
      throw new KeyException(
          "The ssh-agent at "
              + agent.socket()
              + " signed with "
              + signature.format()
              + " when "
              + expected
              + " was asked for, using the "
              + this
              + ". Use a newer ssh-agent (OpenSSH 7.2 or later) or load the key from its file.");
    }
    try {
      return SignatureEncoding.toHttpSignature(type(), publicKey(), signature.blob());
    } catch (WireFormatException e) {
      throw new KeyException(
          "The ssh-agent at "
              + agent.socket()
              + " sent a malformed "
              + expected
              + " signature ("
              + e.getMessage()
              + ") for the "
              + this
              + ". Check that SSH_AUTH_SOCK names an"
              + " ssh-agent.");
    }
  }
}
