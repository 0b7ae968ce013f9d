package org.tritondatacenter.origin.auth;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tritondatacenter.origin.KeyException;

/**
 * A client of a running ssh-agent, reached over its Unix-domain socket (usually {@code
 * SSH_AUTH_SOCK}). It lists the agent's keys and has the agent sign with them, so a key that is
 * encrypted on disk can be used once {@code ssh-add} has unlocked it.
 *
 * <p>Instances are immutable and thread-safe; each request uses its own connection.
 */
public final class SshAgent {
  private final Path socket;

  private SshAgent(Path socket) {
    this.socket = socket;
  }

  /**
   * Returns the agent named by {@code SSH_AUTH_SOCK} in the given environment, or empty if the
   * variable is unset or blank. Whether the agent answers is found out on first use.
   *
   * @param env the environment, such as {@code System.getenv()}
   * @throws KeyException if {@code SSH_AUTH_SOCK} is not a valid path
   */
  public static Optional<SshAgent> fromEnvironment(Map<String, String> env) {
    String value = env.get("SSH_AUTH_SOCK");
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(at(Path.of(value)));
    } catch (InvalidPathException e) {
      throw new KeyException(
          "SSH_AUTH_SOCK is '" + value + "', which is not a valid path. Unset it or fix it.", e);
    }
  }

  /** Returns a client of the agent listening on the given socket. */
  public static SshAgent at(Path socket) {
    return new SshAgent(Objects.requireNonNull(socket, "socket"));
  }

  /** Returns the agent's socket. */
  public Path socket() {
    return socket;
  }

  /**
   * Lists the keys the agent holds (SSH2_AGENTC_REQUEST_IDENTITIES), in the agent's order. Keys of
   * types this package does not use (DSA, certificates, security keys) are left out.
   *
   * @throws KeyException if the agent cannot be reached or answers with something else
   */
  public List<SigningKey> listIdentities() {
    byte[] answer = AgentConnection.request(socket, AgentProtocol.requestIdentities());
    List<SigningKey> keys = new ArrayList<>();
    try {
      for (AgentProtocol.Identity identity : AgentProtocol.parseIdentities(answer)) {
        PublicKeyBlobs.decode(identity.blob())
            .ifPresent(
                decoded ->
                    keys.add(
                        new AgentSigningKey(
                            this,
                            identity.blob(),
                            decoded.type(),
                            decoded.key(),
                            identity.comment())));
      }
    } catch (WireFormatException e) {
      throw malformed("key listing", e);
    }
    return List.copyOf(keys);
  }

  /** Has the agent sign (SSH2_AGENTC_SIGN_REQUEST); returns its signature in SSH form. */
  AgentProtocol.AgentSignature sign(byte[] blob, byte[] data, int flags, SigningKey key) {
    byte[] answer = AgentConnection.request(socket, AgentProtocol.signRequest(blob, data, flags));
    AgentProtocol.AgentSignature signature;
    try {
      signature = AgentProtocol.parseSignResponse(answer);
    } catch (WireFormatException e) {
      throw malformed("sign response", e);
    }
    if (signature == null) {
      throw new KeyException(
          "The ssh-agent at "
              + socket
              + " refused to sign with the "
              + key
              + ". The key may have been removed (see ssh-add -l), its lifetime may have ended,"
              + " or a confirmation was denied; add it again with ssh-add.");
    }
    return signature;
  }

  private KeyException malformed(String what, WireFormatException e) {
    return new KeyException(
        "The ssh-agent at "
            + socket
            + " sent a malformed "
            + what
            + " ("
            + e.getMessage()
            + "). Check that SSH_AUTH_SOCK names an ssh-agent.");
  }

  @Override
  public String toString() {
    return "ssh-agent at " + socket;
  }
}
