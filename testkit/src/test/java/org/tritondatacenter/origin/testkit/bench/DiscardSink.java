package org.tritondatacenter.origin.testkit.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The baseline: about the least an HTTP server can do with a PUT. It reads the request head,
 * answers {@code Expect: 100-continue} at once, reads {@code Content-Length} bytes into one buffer
 * and forgets them, and answers 204. One connection at a time, one blocking thread.
 */
final class DiscardSink implements AutoCloseable {
  /** The same buffer size as testkit's Manta uses for request bodies. */
  private static final int BUFFER = 256 * 1024;

  private final ServerSocket server;
  private final Thread acceptor;

  DiscardSink() throws IOException {
    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    acceptor = new Thread(this::serve, "discard-sink");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  private void serve() {
    byte[] buffer = new byte[BUFFER];
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        handle(socket, buffer);
      } catch (IOException e) {
        // A client that went away, or the sink closing; the next client is served anyway.
      }
    }
  }

  private static void handle(Socket socket, byte[] buffer) throws IOException {
    InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
    OutputStream out = socket.getOutputStream();
    long length = -1;
    boolean expectContinue = false;
    String line;
    while (!(line = readLine(in)).isEmpty()) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring("content-length:".length()).trim());
      } else if (lower.startsWith("expect:") && lower.contains("100-continue")) {
        expectContinue = true;
      }
    }
    if (length < 0) {
      out.write(answer("411 Length Required"));
      return;
    }
    if (expectContinue) {
      out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    long left = length;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new IOException("the client sent " + (length - left) + " of " + length + " bytes");
      }
      left -= n;
    }
    out.write(answer("204 No Content"));
    out.flush();
  }

  private static byte[] answer(String status) {
    return ("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (c != '\r') {
        line.append((char) c);
      }
    }
    if (c < 0 && line.length() == 0) {
      throw new IOException("the client closed the connection");
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
