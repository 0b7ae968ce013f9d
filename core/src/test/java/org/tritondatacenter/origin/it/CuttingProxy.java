package org.tritondatacenter.origin.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of one local service that cuts its first connection once {@code cutAfter}
 * bytes of answer have passed, as a dropped network link would; later connections pass whole.
 *
 * <p>testkit's faults act on requests (a reset after so many body bytes) but cannot break an answer
 * in the middle of its body, so a download that must resume goes through this proxy instead.
 */
final class CuttingProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final URI target;
  private final long cutAfter;
  private final AtomicInteger connections = new AtomicInteger();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private CuttingProxy(ServerSocket listener, URI target, long cutAfter) {
    this.listener = listener;
    this.target = target;
    this.cutAfter = cutAfter;
  }

  /** Starts a proxy on a free loopback port in front of {@code target}, an {@code http} URL. */
  static CuttingProxy start(URI target, long cutAfter) throws IOException {
    ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    CuttingProxy proxy = new CuttingProxy(listener, target, cutAfter);
    daemon("cutting-proxy-accept", proxy::acceptLoop);
    return proxy;
  }

  /** Returns the proxy's base URL, to use in place of the target's. */
  URI url() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort());
  }

  /** Returns how many connections the proxy accepted. */
  int connections() {
    return connections.get();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = listener.accept();
        Socket upstream = new Socket(target.getHost(), target.getPort());
        sockets.add(client);
        sockets.add(upstream);
        long limit = connections.incrementAndGet() == 1 ? cutAfter : Long.MAX_VALUE;
        daemon("cutting-proxy-up", () -> pump(client, upstream, Long.MAX_VALUE));
        daemon("cutting-proxy-down", () -> pump(upstream, client, limit));
      } catch (IOException e) {
        return;
      }
    }
  }

  /** Copies {@code from} to {@code to} until either ends or {@code limit} bytes have passed. */
  private static void pump(Socket from, Socket to, long limit) {
    byte[] buffer = new byte[8192];
    long passed = 0;
    try (InputStream in = from.getInputStream()) {
      OutputStream out = to.getOutputStream();
      int n;
      while (passed < limit
          && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - passed))) > 0) {
        out.write(buffer, 0, n);
        out.flush();
        passed += n;
      }
    } catch (IOException e) {
      // The other side went away; closing both ends below is all there is to do.
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Already closed.
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    listener.close();
    sockets.forEach(CuttingProxy::closeQuietly);
  }
}
