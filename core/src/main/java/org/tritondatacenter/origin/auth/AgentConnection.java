package org.tritondatacenter.origin.auth;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import org.tritondatacenter.origin.KeyException;
import org.tritondatacenter.origin.OperationInterruptedException;

/**
 * Sends one framed request to an ssh-agent over its Unix-domain socket and reads the answer.
 *
 * <p>Each request opens its own connection, so agent keys can sign from many threads at once
 * without sharing a channel. The channel blocks without a timeout, because an agent may wait for a
 * user to confirm ({@code ssh-add -c}); interrupting the thread closes the channel and ends the
 * wait.
 */
final class AgentConnection {
  /** OpenSSH's own limit for an agent message (AGENT_MAX_LEN in authfd.c). */
  static final int MAX_MESSAGE_BYTES = 256 * 1024;

  private AgentConnection() {}

  static byte[] request(Path socket, byte[] message) {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      ByteBuffer out = ByteBuffer.allocate(4 + message.length);
      out.putInt(message.length).put(message).flip();
      while (out.hasRemaining()) {
        channel.write(out);
      }
      ByteBuffer header = readFully(channel, ByteBuffer.allocate(4), socket);
      int length = header.getInt(0);
      if (length <= 0 || length > MAX_MESSAGE_BYTES) {
        throw new KeyException(
            "The ssh-agent at "
                + socket
                + " sent a message of "
                + Integer.toUnsignedLong(length)
                + " bytes, which no agent sends. Check that SSH_AUTH_SOCK names an ssh-agent.");
      }
      return readFully(channel, ByteBuffer.allocate(length), socket).array();
    } catch (ClosedByInterruptException e) {
      throw new OperationInterruptedException(
          "Interrupted while waiting for the ssh-agent at " + socket, e);
    } catch (IOException e) {
      throw new KeyException(
          "Cannot talk to the ssh-agent at "
              + socket
              + " ("
              + e.getMessage()
              + "). Check that ssh-agent is running and SSH_AUTH_SOCK names its socket, or give a"
              + " key file instead.",
          e);
    }
  }

  private static ByteBuffer readFully(SocketChannel channel, ByteBuffer buffer, Path socket)
      throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) {
        throw new KeyException(
            "The ssh-agent at "
                + socket
                + " closed the connection in the middle of an answer. Check that it is still"
                + " running.");
      }
    }
    return buffer;
  }
}
