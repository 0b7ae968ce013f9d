package org.tritondatacenter.origin.reliability;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;
import javax.net.SocketFactory;

/**
 * Socket factories with 32 KiB buffers: on loopback the kernel would otherwise take megabytes of a
 * body at once, so a slow reader would show only after seconds.
 */
final class SmallBuffers {
  static final int SIZE = 32 * 1024;

  private SmallBuffers() {}

  /** Client sockets with a small send buffer. */
  static final class Sockets extends SocketFactory {
    @Override
    public Socket createSocket() throws IOException {
      Socket socket = new Socket();
      socket.setSendBufferSize(SIZE);
      socket.setReceiveBufferSize(SIZE);
      return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort) {
      throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
      throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) {
      throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
    }
  }

  /** Server sockets whose accepted connections have a small receive buffer. */
  static final class ServerSockets extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      ServerSocket socket = new ServerSocket();
      socket.setReceiveBufferSize(SIZE);
      return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      ServerSocket socket = createServerSocket();
      socket.bind(new java.net.InetSocketAddress(port));
      return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      ServerSocket socket = createServerSocket();
      socket.bind(new java.net.InetSocketAddress(port), backlog);
      return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
        throws IOException {
      ServerSocket socket = createServerSocket();
      socket.bind(new java.net.InetSocketAddress(address, port), backlog);
      return socket;
    }
  }
}
