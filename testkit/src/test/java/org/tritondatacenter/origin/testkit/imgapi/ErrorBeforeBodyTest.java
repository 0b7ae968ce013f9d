package org.tritondatacenter.origin.testkit.imgapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An error answered before the handler read the body: as Node's HTTP server does, a small unread
 * body is read and dropped, so the connection stays usable and the client sees the answer rather
 * than a reset; a client that asked for {@code 100 Continue} is answered without it.
 */
class ErrorBeforeBodyTest {
  private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");

  @TempDir Path dataDir;
  private ImgapiHarness h;

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  @Test
  void addFile_unknownImageWithSmallBody_dropsTheBodyAndKeepsTheConnection() throws Exception {
    h = ImgapiHarness.start(dataDir);
    byte[] body = new byte[1024 * 1024];
    // The next request follows the body on the same connection: it is answered only if the 404's
    // unread body was consumed, not left to close the connection.
    String next = "GET /ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    ByteArrayOutputStream rest = new ByteArrayOutputStream();
    rest.write(body);
    rest.write(next.getBytes(StandardCharsets.US_ASCII));

    String answer =
        RawHttp.exchange(
            h.base.getPort(),
            "PUT /images/"
                + UUID.randomUUID()
                + "/file?compression=gzip HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: Test alice\r\nContent-Length: "
                + body.length
                + "\r\n\r\n",
            rest.toByteArray(),
            false);

    assertThat(STATUS_LINE.matcher(answer).results().map(m -> m.group(1)))
        .containsExactly("404", "200");
  }

  @Test
  void addFile_unknownImageExpectingContinue_answersWithoutAskingForTheBody() throws Exception {
    h = ImgapiHarness.start(dataDir);

    String answer =
        RawHttp.exchange(
            h.base.getPort(),
            "PUT /images/"
                + UUID.randomUUID()
                + "/file?compression=gzip HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: Test alice\r\nContent-Length: 65536\r\n"
                + "Expect: 100-continue\r\n\r\n",
            new byte[0],
            true);

    assertThat(answer).startsWith("HTTP/1.1 404").doesNotContain("100 Continue");
  }
}
