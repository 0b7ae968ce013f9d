package org.tritondatacenter.origin.testkit.imgapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A raw HTTP/1.1 conversation on a socket, for what the JDK client hides: whether {@code 100
 * Continue} was sent, and bodies shorter than their {@code Content-Length}.
 */
final class RawHttp {
  private RawHttp() {}

  /**
   * Sends the request head, then {@code body} only if the server says {@code 100 Continue} (or at
   * once when {@code waitForContinue} is false), half-closes, and returns everything answered.
   */
  static String exchange(int port, String head, byte[] body, boolean waitForContinue)
      throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      if (waitForContinue) {
        String first = readLine(in);
        answer.write(first.getBytes(StandardCharsets.US_ASCII));
        if (!first.startsWith("HTTP/1.1 100")) {
          in.transferTo(answer);
          return answer.toString(StandardCharsets.US_ASCII);
        }
      }
      out.write(body);
      out.flush();
      socket.shutdownOutput();
      in.transferTo(answer);
      return answer.toString(StandardCharsets.US_ASCII);
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      line.append((char) c);
      if (c == '\n') {
        break;
      }
    }
    return line.toString();
  }
}
