package org.tritondatacenter.origin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.operations.RecordingListener;
import org.tritondatacenter.origin.wait.ManualClock;

class StreamingUploadTest {
  @StartStop final MockWebServer server = new MockWebServer();
  @TempDir Path temp;

  private final ManualClock clock = new ManualClock();
  private final RecordingListener listener = new RecordingListener();

  private ApiClient client() {
    return ApiClient.create(
        TestSetup.signed(server, Service.IMGAPI, new TestAuthorizer()),
        TestSetup.config(clock, listener).build());
  }

  /** A source that counts how often it is opened and can lie about its size. */
  private static final class CountingSource implements ByteSource {
    final byte[] content;
    final long claimedSize;
    final AtomicInteger opens = new AtomicInteger();

    CountingSource(byte[] content, long claimedSize) {
      this.content = content;
      this.claimedSize = claimedSize;
    }

    @Override
    public InputStream open() {
      opens.incrementAndGet();
      return new ByteArrayInputStream(content);
    }

    @Override
    public long size() {
      return claimedSize;
    }

    @Override
    public String describe() {
      return "image.zfs.gz";
    }
  }

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(7).nextBytes(bytes);
    return bytes;
  }

  @Test
  void upload_readsTheSourceOnceAndReportsDigestsAndProgress() throws Exception {
    byte[] content = random(10 * 1024 * 1024 + 3);
    CountingSource source = new CountingSource(content, content.length);
    server.enqueue(new MockResponse.Builder().code(200).body("{\"files\":[]}").build());

    Digests sent;
    try (ApiResponse response =
        client()
            .open(
                ApiRequest.put("AddImageFile")
                    .path("images", "u1", "file")
                    .query("compression", "gzip")
                    .body(source, "application/octet-stream")
                    .digests(DigestAlgorithm.SHA1)
                    .build())) {
      sent = response.sent();
    }

    assertThat(source.opens).hasValue(1);
    assertThat(sent.bytes()).isEqualTo(content.length);
    assertThat(sent.sha1()).isEqualTo(MessageDigest.getInstance("SHA-1").digest(content));
    assertThat(sent.md5()).isNull();
    assertThat(server.takeRequest().getBody().toByteArray()).isEqualTo(content);
    assertThat(listener.events(Event.Transfer.class))
        .extracting(Event.Transfer::done)
        .isSorted()
        .hasSizeGreaterThanOrEqualTo(3)
        .last()
        .isEqualTo((long) content.length);
    assertThat(listener.events(Event.Transfer.class))
        .allSatisfy(
            t -> {
              assertThat(t.subject()).isEqualTo("image.zfs.gz");
              assertThat(t.total()).isEqualTo(content.length);
            });
  }

  @Test
  void upload_bothDigests_matchTheBytesSentInOrder() throws Exception {
    byte[] content = random(10 * 1024 * 1024 + 3);
    server.enqueue(new MockResponse.Builder().code(200).build());

    Digests sent;
    try (ApiResponse response =
        client()
            .open(
                ApiRequest.put("PutObject")
                    .body(new CountingSource(content, content.length), "application/octet-stream")
                    .digests(DigestAlgorithm.SHA1, DigestAlgorithm.MD5)
                    .build())) {
      sent = response.sent();
    }

    assertThat(sent.bytes()).isEqualTo(content.length);
    assertThat(sent.sha1()).isEqualTo(MessageDigest.getInstance("SHA-1").digest(content));
    assertThat(sent.md5()).isEqualTo(MessageDigest.getInstance("MD5").digest(content));
    assertThat(server.takeRequest().getBody().toByteArray()).isEqualTo(content);
  }

  @Test
  void upload_sourceReturningSlivers_sendsEveryByteWithTheRightDigest() throws Exception {
    byte[] content = random(300 * 1024 + 17);
    AtomicInteger reads = new AtomicInteger();
    ByteSource trickle =
        new ByteSource() {
          @Override
          public InputStream open() {
            // A network stream hands out a few KiB per read; this one at most 1000 bytes.
            return new ByteArrayInputStream(content) {
              @Override
              public synchronized int read(byte[] b, int off, int len) {
                reads.incrementAndGet();
                return super.read(b, off, Math.min(len, 1000));
              }
            };
          }

          @Override
          public long size() {
            return content.length;
          }

          @Override
          public String describe() {
            return "manta:/alice/stor/image.zfs.gz";
          }
        };
    server.enqueue(new MockResponse.Builder().code(200).build());

    Digests sent;
    try (ApiResponse response =
        client()
            .open(
                ApiRequest.put("AddImageFile")
                    .body(trickle, "application/octet-stream")
                    .digests(DigestAlgorithm.SHA1)
                    .build())) {
      sent = response.sent();
    }

    assertThat(sent.bytes()).isEqualTo(content.length);
    assertThat(sent.sha1()).isEqualTo(MessageDigest.getInstance("SHA-1").digest(content));
    assertThat(server.takeRequest().getBody().toByteArray()).isEqualTo(content);
    assertThat(reads.get()).isGreaterThan(content.length / 1000);
  }

  @Test
  void sourceFailingMidway_leavesNoDigestThreadBehind() {
    byte[] content = random(4 * 1024 * 1024);
    ByteSource failing =
        new ByteSource() {
          @Override
          public InputStream open() {
            return new InputStream() {
              private int pos;

              @Override
              public int read() {
                throw new UnsupportedOperationException("read in chunks");
              }

              @Override
              public int read(byte[] b, int off, int len) throws IOException {
                if (pos >= content.length / 2) {
                  throw new IOException("disk went away");
                }
                int n = Math.min(len, content.length - pos);
                System.arraycopy(content, pos, b, off, n);
                pos += n;
                return n;
              }
            };
          }

          @Override
          public long size() {
            return content.length;
          }

          @Override
          public String describe() {
            return "half.zfs.gz";
          }
        };
    server.enqueue(new MockResponse.Builder().code(200).build());

    assertThatThrownBy(
            () ->
                client()
                    .send(
                        ApiRequest.put("PutObject")
                            .body(failing, "application/octet-stream")
                            .digests(DigestAlgorithm.MD5)
                            .build()))
        .isInstanceOf(TritonIoException.class)
        .hasMessageContaining("cannot read half.zfs.gz: disk went away");
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("triton-origin-digest") && t.isAlive());
  }

  @Test
  void sourceShorterThanItsSize_failsWithoutRetrying() {
    CountingSource source = new CountingSource(random(1000), 2000);
    server.enqueue(new MockResponse.Builder().code(200).build());

    assertThatThrownBy(
            () ->
                client()
                    .send(
                        ApiRequest.put("AddImageFile")
                            .body(source, "application/octet-stream")
                            .build()))
        .isInstanceOf(TritonIoException.class)
        .hasMessageContaining("image.zfs.gz changed while it was being sent")
        .hasMessageContaining("expected 2000 bytes, read 1000");
    assertThat(source.opens).hasValue(1);
    assertThat(clock.sleeps()).isEmpty();
  }

  @Test
  void unreadableSource_failsNamingItWithoutRetrying() {
    ByteSource broken =
        new ByteSource() {
          @Override
          public InputStream open() throws IOException {
            throw new IOException("permission denied");
          }

          @Override
          public long size() {
            return 10;
          }

          @Override
          public String describe() {
            return "/data/image.zfs.gz";
          }
        };
    server.enqueue(new MockResponse.Builder().code(200).build());

    assertThatThrownBy(
            () ->
                client()
                    .send(
                        ApiRequest.put("PutObject")
                            .body(broken, "application/octet-stream")
                            .build()))
        .isInstanceOf(TritonIoException.class)
        .hasMessage("IMGAPI PutObject: cannot open /data/image.zfs.gz: permission denied");
    assertThat(clock.sleeps()).isEmpty();
  }

  @Test
  void missingFile_isReportedByName() {
    Path missing = temp.resolve("nope.zfs.gz");

    assertThatThrownBy(() -> ByteSource.ofFile(missing).size())
        .isInstanceOf(TritonIoException.class)
        .hasMessageStartingWith("cannot read " + missing);
  }
}
