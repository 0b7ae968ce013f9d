package org.tritondatacenter.origin.auth;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * A socket that answers every agent request with the same raw bytes, for agent misbehaviour a real
 * ssh-agent does not show: wrong signature formats, garbage, absurd lengths.
 */
final class FakeAgent implements AutoCloseable {
  private final ServerSocketChannel server;
  private final Thread thread;

  FakeAgent(Path socket, byte[] rawAnswer) throws IOException {
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    thread =
        new Thread(
            () -> {
              while (server.isOpen()) {
                try (SocketChannel client = server.accept()) {
                  ByteBuffer length = ByteBuffer.allocate(4);
                  while (length.hasRemaining() && client.read(length) >= 0) {}
                  ByteBuffer request = ByteBuffer.allocate(length.getInt(0));
                  while (request.hasRemaining() && client.read(request) >= 0) {}
                  client.write(ByteBuffer.wrap(rawAnswer));
                } catch (IOException e) {
                  return; // closed
                }
              }
            },
            "fake-agent");
    thread.setDaemon(true);
    thread.start();
  }

  /** Frames a message with its 32-bit length, as an agent sends it. */
  static byte[] framed(byte[] message) {
    return ByteBuffer.allocate(4 + message.length).putInt(message.length).put(message).array();
  }

  @Override
  public void close() throws Exception {
    server.close();
    thread.join(5_000);
  }
}
