package org.tritondatacenter.origin.imgapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tritondatacenter.origin.imgapi.TestClients.UUID;
import static org.tritondatacenter.origin.imgapi.TestClients.files;
import static org.tritondatacenter.origin.imgapi.TestClients.image;
import static org.tritondatacenter.origin.imgapi.TestClients.json;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.wait.ManualClock;

/** Uploads that fail halfway: a reset retried with the whole body, and copies between servers. */
class ImgapiUploadRetryTest {
  private static final byte[] CONTENT = ImgapiClientFileTest.random(3 * 1024 * 1024 + 5);
  private static final String CONTENT_SHA1 = ImgapiClientFileTest.sha1(CONTENT);

  @StartStop final MockWebServer server = new MockWebServer();
  @StartStop final MockWebServer source = new MockWebServer();
  private final ManualClock clock = new ManualClock();

  /** Answers AddImageFile as IMGAPI does: with the SHA-1 and size of the body it received. */
  private static MockResponse recordedFrom(RecordedRequest request) {
    byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
    return json(
        200,
        image(UUID, "unactivated", files(ImgapiClientFileTest.sha1(body), body.length), "dev"));
  }

  @Test
  void addImageFile_connectionResetMidBody_sendsTheWholeFileAgainWithTheRightSha1()
      throws Exception {
    // MockWebServer picks the response's socket effects before reading a body, so the server
    // "heals" while the client backs off instead of consuming a queue.
    MockResponse cut =
        new MockResponse.Builder().onRequestBody(new SocketEffect.CloseSocket()).build();
    AtomicBoolean healed = new AtomicBoolean();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return healed.get() ? recordedFrom(request) : cut;
          }

          @Override
          public MockResponse peek() {
            return healed.get() ? json(200, "{}") : cut;
          }
        });
    AtomicInteger opens = new AtomicInteger();
    ByteSource file =
        new ByteSource() {
          @Override
          public InputStream open() {
            opens.incrementAndGet();
            return new ByteArrayInputStream(CONTENT);
          }

          @Override
          public long size() {
            return CONTENT.length;
          }

          @Override
          public String describe() {
            return "image.zfs.gz";
          }
        };
    ImgapiClient client =
        TestClients.signed(
            server,
            TestClients.config(clock)
                .newBuilder()
                .sleeper(
                    d -> {
                      healed.set(true);
                      clock.sleep(d);
                    })
                .build());

    Image image = client.addImageFile(UUID, file, Compression.GZIP, CONTENT_SHA1, null, "dev");

    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertThat(first.getFailure()).isNotNull();
    assertThat(first.getBodySize()).isLessThan(CONTENT.length);
    assertThat(second.getTarget())
        .isEqualTo(
            "/images/" + UUID + "/file?compression=gzip&sha1=" + CONTENT_SHA1 + "&channel=dev");
    assertThat(second.getHeaders().get("Content-Length")).isEqualTo(String.valueOf(CONTENT.length));
    assertThat(second.getBody().toByteArray()).isEqualTo(CONTENT);
    assertThat(opens).hasValue(2);
    assertThat(image.file().sha1()).isEqualTo(CONTENT_SHA1);
    assertThat(image.file().size()).isEqualTo(CONTENT.length);
  }

  @Test
  void imageFileSource_copiesAnImageFileFromOneServerToAnother() throws Exception {
    source.enqueue(
        json(200, image(UUID, "active", files(CONTENT_SHA1, CONTENT.length), "release")));
    source.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(CONTENT)).build());
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return recordedFrom(request);
          }
        });
    ImgapiClient from = TestClients.anonymous(source, TestClients.config(clock));
    ImgapiClient to = TestClients.signed(server, TestClients.config(clock));
    Image original = from.getImage(UUID, "*");

    ByteSource download = from.imageFileSource(original, "*");
    Image copied =
        to.addImageFile(
            UUID,
            download,
            Compression.fromWireName(original.file().compression()),
            original.file().sha1(),
            original.file().size(),
            "experimental");

    assertThat(download.size()).isEqualTo(CONTENT.length);
    assertThat(download.describe()).isEqualTo("IMGAPI image " + UUID + " file");
    source.takeRequest();
    assertThat(source.takeRequest().getTarget()).isEqualTo("/images/" + UUID + "/file?channel=*");
    assertThat(server.takeRequest().getBody().toByteArray()).isEqualTo(CONTENT);
    assertThat(copied.file().sha1()).isEqualTo(CONTENT_SHA1);
  }

  @Test
  void imageFileSource_corruptDownload_failsTheUploadNamingTheSource() {
    byte[] corrupt = CONTENT.clone();
    corrupt[7] ^= 1;
    Image original =
        Image.fromTree(
            ImageManifest.parse(
                    image(UUID, "active", files(CONTENT_SHA1, CONTENT.length), "release"), "image")
                .toTree());
    source.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(corrupt)).build());
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return recordedFrom(request);
          }
        });
    ImgapiClient from = TestClients.anonymous(source, TestClients.config(clock));
    ImgapiClient to = TestClients.signed(server, TestClients.config(clock));

    assertThatThrownBy(
            () ->
                to.addImageFile(
                    UUID,
                    from.imageFileSource(original, "release"),
                    Compression.GZIP,
                    null,
                    null,
                    "dev"))
        .isInstanceOf(TritonIoException.class)
        .hasMessageContaining("cannot read IMGAPI image " + UUID + " file")
        .hasMessageContaining("but the manifest gives files[0].sha1 " + CONTENT_SHA1);
    assertThat(source.getRequestCount()).isEqualTo(1);
  }
}
