package org.tritondatacenter.origin.manta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Moves 256 MiB each way under a 64 MiB heap (core's pom runs the {@code low-memory} tag in its own
 * JVM with {@code -Xmx64m}): a body held in memory could not fit, so finishing with the right MD5
 * proves the memory used does not grow with the object's size.
 */
@Tag("low-memory")
class LargeTransferTest {
  private static final long SIZE = 256L * 1024 * 1024;
  private static final Generated CONTENT = new Generated(2026, SIZE);
  private static final String ETAG = "3f0c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b";
  private static String expectedMd5;

  @StartStop final MockWebServer server = new MockWebServer();

  @BeforeAll
  static void computeTheExpectedDigestInOnePass() {
    expectedMd5 = CONTENT.md5Base64();
  }

  @BeforeEach
  void heapIsTooSmallToHoldTheObject() {
    // Without -Xmx64m the test would prove nothing; fail loudly rather than pass quietly.
    assertThat(Runtime.getRuntime().maxMemory())
        .as("max heap; run with the low-memory surefire execution (-Xmx64m)")
        .isLessThan(SIZE / 3);
  }

  @Test
  void putObject_256MiB_streamsWithoutHoldingTheBody() throws Exception {
    server.setBodyLimit(0);
    server.enqueue(
        new MockResponse.Builder()
            .add100Continue()
            .code(204)
            .setHeader("Etag", ETAG)
            .setHeader("Computed-MD5", expectedMd5)
            .build());
    MantaFixture manta = new MantaFixture(server);
    int[] opens = new int[1];

    PutObjectResult result =
        manta.client.putObject(
            MantaFixture.path("/alice/stor/builds/big.zfs.gz"),
            CONTENT.source("big.zfs.gz", SIZE, opens));

    assertThat(result.size()).isEqualTo(SIZE);
    assertThat(result.md5Base64()).isEqualTo(expectedMd5);
    assertThat(opens[0]).isEqualTo(1);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getBodySize()).isEqualTo(SIZE);
    assertThat(request.getHeaders().get("Content-Length")).isEqualTo(Long.toString(SIZE));
  }

  @Test
  void getObject_256MiBCutHalfway_resumesWithoutHoldingTheBodyAndEndsWithTheRightMd5()
      throws Exception {
    List<RecordedRequest> seen = new CopyOnWriteArrayList<>();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            seen.add(request);
            String range = request.getHeaders().get("Range");
            if (range == null) {
              return new MockResponse.Builder()
                  .setHeader("Etag", ETAG)
                  .setHeader("Content-MD5", expectedMd5)
                  .body(CONTENT.body(0))
                  .onResponseBody(new SocketEffect.CloseSocket())
                  .build();
            }
            long from = Long.parseLong(range.substring(6, range.length() - 1));
            return new MockResponse.Builder()
                .code(206)
                .setHeader("Etag", ETAG)
                .setHeader("Content-MD5", expectedMd5)
                .setHeader("Content-Range", "bytes " + from + "-" + (SIZE - 1) + "/" + SIZE)
                .body(CONTENT.body(from))
                .build();
          }
        });
    MantaFixture manta = new MantaFixture(server);
    MessageDigest independent = MessageDigest.getInstance("MD5");
    long[] written = new long[1];
    OutputStream sink =
        new OutputStream() {
          @Override
          public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            independent.update(b, off, len);
            written[0] += len;
          }
        };

    MantaObject info = manta.client.getObject(MantaFixture.path("/alice/stor/big.zfs.gz"), sink);

    assertThat(written[0]).isEqualTo(SIZE);
    assertThat(Base64.getEncoder().encodeToString(independent.digest())).isEqualTo(expectedMd5);
    assertThat(info.size()).isEqualTo(SIZE);
    assertThat(seen).hasSize(2);
    assertThat(seen.get(1).getHeaders().get("If-Match")).isEqualTo(ETAG);
    assertThat(seen.get(1).getHeaders().get("Range")).matches("bytes=\\d+-");
  }
}
