package org.tritondatacenter.origin.testkit.manta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.ServiceKind;

/** PUTs with {@code Expect: 100-continue} and PUTs whose body is cut before its end. */
class ContinueAndCutTest {
  @TempDir Path dataDir;
  MantaFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new MantaFixture(dataDir);
    f.mkdir("/alice/stor/d");
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void putObject_missingParentWithExpectContinue_isRefusedBefore100Continue() throws Exception {
    List<String> head =
        f.raw(
            "PUT /alice/stor/missing/o HTTP/1.1\r\nHost: x\r\nAuthorization: Test alice\r\n"
                + "Content-Length: 10\r\nExpect: 100-continue\r\n\r\n");

    assertThat(head.get(0)).isEqualTo("HTTP/1.1 404 Not Found");
    assertThat(f.log.operation("PutObject"))
        .singleElement()
        .satisfies(r -> assertThat(r.requestBytes()).isZero());
  }

  @Test
  void putObject_validWithExpectContinue_sends100ContinueThenStores() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", f.base.getPort())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ascii(
              "PUT /alice/stor/d/o HTTP/1.1\r\nHost: x\r\nAuthorization: Test alice\r\n"
                  + "Content-Length: 5\r\nExpect: 100-continue\r\n\r\n"));
      out.flush();
      var in = socket.getInputStream();
      assertThat(readLine(in)).isEqualTo("HTTP/1.1 100 Continue");
      assertThat(readLine(in)).isEmpty();

      out.write(ascii("hello"));
      out.flush();

      assertThat(readLine(in)).isEqualTo("HTTP/1.1 204 No Content");
    }
    assertThat(f.get("/alice/stor/d/o").body()).isEqualTo("hello");
  }

  @Test
  void putObject_resetFaultMidBody_keepsTheOlderObjectAndNoTemporaryFile() throws Exception {
    f.put("/alice/stor/d/o", "old");
    f.faults.add(Fault.when(ServiceKind.MANTA, "PutObject").resetAfterBodyBytes(1000).times(1));

    assertThatThrownBy(() -> f.put("/alice/stor/d/o", new byte[1 << 20]))
        .isInstanceOf(IOException.class);

    assertThat(f.get("/alice/stor/d/o").body()).isEqualTo("old");
    assertThat(f.log.operation("PutObject"))
        .last()
        .satisfies(r -> assertThat(r.requestBytes()).isEqualTo(1000));
    assertThat(f.manta.strayObjects()).isEmpty();
  }

  @Test
  void putObject_clientHangsUpMidBody_keepsTheOlderObjectAndNoTemporaryFile() throws Exception {
    f.put("/alice/stor/d/o", "old");
    int before = f.log.count("PutObject");
    try (Socket socket = new Socket("127.0.0.1", f.base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ascii(
              "PUT /alice/stor/d/o HTTP/1.1\r\nHost: x\r\nAuthorization: Test alice\r\n"
                  + "Content-Length: 100000\r\n\r\n"));
      out.write(new byte[40_000]);
      out.flush();
    }
    awaitRequests("PutObject", before + 1);

    assertThat(f.get("/alice/stor/d/o").body()).isEqualTo("old");
    assertThat(f.manta.strayObjects()).isEmpty();
  }

  @Test
  void putObject_javaClientExpectContinue_succeeds() throws Exception {
    HttpResponse<String> put =
        f.send(
            f.request("/alice/stor/d/o")
                .expectContinue(true)
                .PUT(HttpRequest.BodyPublishers.ofString("hi")));

    assertThat(put.statusCode()).isEqualTo(204);
  }

  /** Waits (bounded) until the server has logged {@code n} requests of an operation. */
  private void awaitRequests(String operation, int n) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (f.log.count(operation) < n && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(f.log.count(operation)).isEqualTo(n);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static String readLine(java.io.InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (c != '\r') {
        sb.append((char) c);
      }
    }
    return sb.toString();
  }
}
