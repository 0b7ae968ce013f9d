package org.tritondatacenter.origin.cloudapi;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;
import mockwebserver3.MockWebServer;

/**
 * Server sockets whose accepted connections have {@code TCP_NODELAY} set.
 *
 * <p>MockWebServer writes a response's headers and body separately; with Nagle's algorithm on, the
 * body waits for the client's delayed ACK, about 40 ms per request. The waits poll dozens of times
 * per test, so without this a "10-minute" wait would cost seconds of real time.
 */
final class NoDelayServerSockets extends ServerSocketFactory {

  /** Returns an unstarted MockWebServer whose connections have no Nagle delay. */
  static MockWebServer server() {
    MockWebServer server = new MockWebServer();
    server.setServerSocketFactory(new NoDelayServerSockets());
    return server;
  }

  private static ServerSocket unbound() throws IOException {
    return new ServerSocket() {
      @Override
      public Socket accept() throws IOException {
        Socket socket = super.accept();
        socket.setTcpNoDelay(true);
        return socket;
      }
    };
  }

  @Override
  public ServerSocket createServerSocket() throws IOException {
    return unbound();
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    ServerSocket socket = unbound();
    socket.bind(new InetSocketAddress(port));
    return socket;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog) throws IOException {
    ServerSocket socket = unbound();
    socket.bind(new InetSocketAddress(port), backlog);
    return socket;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
      throws IOException {
    ServerSocket socket = unbound();
    socket.bind(new InetSocketAddress(address, port), backlog);
    return socket;
  }
}
