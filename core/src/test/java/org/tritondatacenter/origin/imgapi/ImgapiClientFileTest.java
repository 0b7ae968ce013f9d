package org.tritondatacenter.origin.imgapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tritondatacenter.origin.imgapi.TestClients.UUID;
import static org.tritondatacenter.origin.imgapi.TestClients.assertAnonymous;
import static org.tritondatacenter.origin.imgapi.TestClients.assertSigned;
import static org.tritondatacenter.origin.imgapi.TestClients.files;
import static org.tritondatacenter.origin.imgapi.TestClients.image;
import static org.tritondatacenter.origin.imgapi.TestClients.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.wait.ManualClock;

class ImgapiClientFileTest {
  private static final byte[] CONTENT = random(256 * 1024 + 17);
  private static final String CONTENT_SHA1 = sha1(CONTENT);

  @StartStop final MockWebServer server = new MockWebServer();
  private final ManualClock clock = new ManualClock();

  private ImgapiClient client() {
    return TestClients.signed(server, TestClients.config(clock));
  }

  static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(11).nextBytes(bytes);
    return bytes;
  }

  static String sha1(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A source of unknown size, as a pipe would be. */
  private static ByteSource unsized(byte[] bytes) {
    return new ByteSource() {
      @Override
      public InputStream open() {
        return new ByteArrayInputStream(bytes);
      }

      @Override
      public long size() {
        return -1;
      }

      @Override
      public String describe() {
        return "stdin";
      }
    };
  }

  private static MockResponse stored(String sha1, long size) {
    return json(200, image(UUID, "unactivated", files(sha1, size), "dev"));
  }

  @Test
  void addImageFile_streamsTheFileWithCompressionSha1AndLength() throws Exception {
    server.enqueue(stored(CONTENT_SHA1, CONTENT.length));

    Image image =
        client()
            .addImageFile(
                UUID,
                ByteSource.ofBytes(CONTENT, "image.zfs.gz"),
                Compression.GZIP,
                CONTENT_SHA1,
                (long) CONTENT.length,
                "dev");

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getTarget())
        .isEqualTo(
            "/images/" + UUID + "/file?compression=gzip&sha1=" + CONTENT_SHA1 + "&channel=dev");
    assertSigned(request);
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/octet-stream");
    assertThat(request.getHeaders().get("Content-Length"))
        .isEqualTo(String.valueOf(CONTENT.length));
    assertThat(request.getBody().toByteArray()).isEqualTo(CONTENT);
    assertThat(image.file().sha1()).isEqualTo(CONTENT_SHA1);
    assertThat(image.file().size()).isEqualTo(CONTENT.length);
  }

  @Test
  void addImageFile_sha1AndSizeUnknown_sendsNeitherAndStillChecksTheAnswer() throws Exception {
    server.enqueue(stored(CONTENT_SHA1, CONTENT.length));

    client().addImageFile(UUID, unsized(CONTENT), Compression.XZ, null, null, null);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getTarget()).isEqualTo("/images/" + UUID + "/file?compression=xz");
    assertThat(request.getHeaders().get("Content-Length")).isNull();
    assertThat(request.getHeaders().get("Transfer-Encoding")).isEqualTo("chunked");
    assertThat(request.getBody().toByteArray()).isEqualTo(CONTENT);
  }

  @Test
  void addImageFile_sizeGivenForAnUnsizedSource_becomesTheContentLength() throws Exception {
    server.enqueue(stored(CONTENT_SHA1, CONTENT.length));

    client()
        .addImageFile(UUID, unsized(CONTENT), Compression.NONE, null, (long) CONTENT.length, null);

    assertThat(server.takeRequest().getHeaders().get("Content-Length"))
        .isEqualTo(String.valueOf(CONTENT.length));
  }

  @Test
  void addImageFile_serverRecordsAnotherSha1_failsNamingBoth() {
    String other = "0".repeat(40);
    server.enqueue(stored(other, CONTENT.length));

    assertThatThrownBy(
            () ->
                client()
                    .addImageFile(
                        UUID,
                        ByteSource.ofBytes(CONTENT, "image.zfs.gz"),
                        Compression.GZIP,
                        null,
                        null,
                        "dev"))
        .isInstanceOf(TritonIoException.class)
        .hasMessage(
            "IMGAPI AddImageFile of image "
                + UUID
                + " from image.zfs.gz: IMGAPI recorded SHA-1 "
                + other
                + ", but the bytes sent have SHA-1 "
                + CONTENT_SHA1);
  }

  @Test
  void addImageFile_serverRecordsAnotherSize_failsNamingBoth() {
    server.enqueue(stored(CONTENT_SHA1, 12));

    assertThatThrownBy(
            () ->
                client()
                    .addImageFile(
                        UUID,
                        ByteSource.ofBytes(CONTENT, "image.zfs.gz"),
                        Compression.GZIP,
                        null,
                        null,
                        "dev"))
        .isInstanceOf(TritonIoException.class)
        .hasMessageEndingWith(
            "IMGAPI recorded 12 bytes, but " + CONTENT.length + " bytes were sent");
  }

  @Test
  void addImageFile_answerWithoutSha1_isAFailureNotASuccess() {
    server.enqueue(
        json(
            200,
            image(
                UUID,
                "unactivated",
                "[{\"size\":" + CONTENT.length + ",\"compression\":\"gzip\"}]",
                "dev")));

    assertThatThrownBy(
            () ->
                client()
                    .addImageFile(
                        UUID,
                        ByteSource.ofBytes(CONTENT, "image.zfs.gz"),
                        Compression.GZIP,
                        null,
                        null,
                        "dev"))
        .isInstanceOf(TritonIoException.class)
        .hasMessageEndingWith(
            "the answer's files[0] has no sha1, so the upload cannot be verified");
  }

  @Test
  void addImageFile_sizeDisagreesWithSourceOrEmpty_isRefusedBeforeSending() {
    ByteSource source = ByteSource.ofBytes(CONTENT, "image.zfs.gz");

    assertThatThrownBy(() -> client().addImageFile(UUID, source, Compression.GZIP, null, 10L, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("the size given is 10 bytes, but the source has " + CONTENT.length);
    assertThatThrownBy(
            () ->
                client()
                    .addImageFile(
                        UUID,
                        ByteSource.ofBytes(new byte[0], "empty"),
                        Compression.GZIP,
                        null,
                        null,
                        null))
        .hasMessageEndingWith("the file is empty; IMGAPI refuses it");
    assertThatThrownBy(
            () -> client().addImageFile(UUID, source, Compression.GZIP, "abc", null, null))
        .hasMessage("AddImageFile sha1 'abc' is not a SHA-1: expected 40 hex digits");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void getImageFile_fetchesTheImageThenStreamsAndVerifiesTheFile() throws Exception {
    server.enqueue(json(200, image(UUID, "active", files(CONTENT_SHA1, CONTENT.length), "dev")));
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/octet-stream")
            .setHeader("Etag", CONTENT_SHA1)
            .body(new Buffer().write(CONTENT))
            .build());
    List<Event> events = new CopyOnWriteArrayList<>();
    ImgapiClient anonymous =
        TestClients.anonymous(
            server, TestClients.config(clock).newBuilder().listener(events::add).build());

    byte[] read;
    ImageFileStream stream;
    try (ImageFileStream in = anonymous.getImageFile(UUID, "dev")) {
      stream = in;
      read = in.readAllBytes();
    }

    RecordedRequest getImage = server.takeRequest();
    assertThat(getImage.getTarget()).isEqualTo("/images/" + UUID + "?channel=dev");
    RecordedRequest getFile = server.takeRequest();
    assertThat(getFile.getMethod()).isEqualTo("GET");
    assertThat(getFile.getTarget()).isEqualTo("/images/" + UUID + "/file?channel=dev");
    assertThat(getFile.getHeaders().get("Accept")).isEqualTo("*/*");
    assertAnonymous(getFile);
    assertThat(read).isEqualTo(CONTENT);
    assertThat(stream.verified().sha1Hex()).isEqualTo(CONTENT_SHA1);
    assertThat(stream.expected().compression()).isEqualTo("gzip");
    assertThat(events)
        .containsExactly(
            new Event.Transfer("IMGAPI image " + UUID + " file", CONTENT.length, CONTENT.length));
  }

  @Test
  void getImageFile_connectionClosedMidStream_failsInsteadOfEndingShort() {
    Image image =
        Image.fromTree(
            ImageManifest.parse(
                    image(UUID, "active", files(CONTENT_SHA1, CONTENT.length), "dev"), "image")
                .toTree());
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body(new Buffer().write(CONTENT))
            .onResponseBody(new SocketEffect.CloseSocket())
            .build());

    assertThatThrownBy(
            () -> {
              try (ImageFileStream in = client().getImageFile(image, "dev")) {
                in.transferTo(OutputStream.nullOutputStream());
              }
            })
        .isInstanceOf(IOException.class)
        .hasMessageContaining("IMGAPI GetImageFile of image " + UUID + ": the download broke off")
        .hasMessageContaining("of " + CONTENT.length + " bytes");
  }

  @Test
  void getImageFile_otherBytesOfTheRightLength_failNamingBothSha1s() {
    byte[] corrupt = CONTENT.clone();
    corrupt[1000] ^= 1;
    Image image =
        Image.fromTree(
            ImageManifest.parse(
                    image(UUID, "active", files(CONTENT_SHA1, CONTENT.length), "dev"), "image")
                .toTree());
    server.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(corrupt)).build());

    assertThatThrownBy(
            () -> {
              try (ImageFileStream in = client().getImageFile(image, null)) {
                in.transferTo(OutputStream.nullOutputStream());
              }
            })
        .isInstanceOf(IOException.class)
        .hasMessage(
            "IMGAPI GetImageFile of image "
                + UUID
                + ": the downloaded bytes have SHA-1 "
                + sha1(corrupt)
                + ", but the manifest gives files[0].sha1 "
                + CONTENT_SHA1);
  }

  @Test
  void getImageFile_announcedLengthDiffers_failsBeforeReading() {
    Image image =
        Image.fromTree(
            ImageManifest.parse(
                    image(UUID, "active", files(CONTENT_SHA1, CONTENT.length + 1), "dev"), "image")
                .toTree());
    server.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(CONTENT)).build());

    assertThatThrownBy(() -> client().getImageFile(image, null))
        .isInstanceOf(TritonIoException.class)
        .hasMessageEndingWith(
            "the server announces "
                + CONTENT.length
                + " bytes, but the manifest gives files[0].size "
                + (CONTENT.length + 1));
  }

  @Test
  void getImageFile_imageWithoutFile_isRefusedBeforeAnyRequest() {
    Image image =
        Image.fromTree(
            ImageManifest.parse(image(UUID, "unactivated", null, "dev"), "image").toTree());

    assertThatThrownBy(() -> client().getImageFile(image, "dev"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "IMGAPI GetImageFile of image "
                + UUID
                + ": the image has no file yet (state unactivated)");
    assertThat(server.getRequestCount()).isZero();
  }
}
