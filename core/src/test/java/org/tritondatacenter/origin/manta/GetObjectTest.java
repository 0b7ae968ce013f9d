package org.tritondatacenter.origin.manta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tritondatacenter.origin.manta.DirectoryTest.error;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.events.Event;

class GetObjectTest {
  private static final Generated CONTENT = new Generated(5, 3 * 1024 * 1024 + 123);
  private static final String ETAG = "6a2b9c3e-1d4f-4e8a-9b7c-0f1e2d3c4b5a";

  @StartStop final MockWebServer server = new MockWebServer();
  @TempDir Path temp;

  private MantaFixture manta;

  private MantaClient client() {
    if (manta == null) {
      manta = new MantaFixture(server);
    }
    return manta.client;
  }

  /** The whole object, as Manta answers a plain GET. */
  private static MockResponse.Builder whole(String contentMd5) {
    MockResponse.Builder b =
        new MockResponse.Builder()
            .code(200)
            .setHeader("Etag", ETAG)
            .setHeader("Content-Type", "application/gzip")
            .setHeader("Durability-Level", "2")
            .setHeader("Last-Modified", "Thu, 01 Jan 2026 10:00:00 GMT")
            .setHeader("m-build-id", "b-42")
            .body(CONTENT.body(0));
    return contentMd5 == null ? b : b.setHeader("Content-MD5", contentMd5);
  }

  /** The rest of the object from the {@code Range} of {@code request}, as a 206. */
  private static MockResponse rest(RecordedRequest request) {
    long from = rangeStart(request);
    return new MockResponse.Builder()
        .code(206)
        .setHeader("Etag", ETAG)
        .setHeader("Content-MD5", CONTENT.md5Base64())
        .setHeader(
            "Content-Range", "bytes " + from + "-" + (CONTENT.size() - 1) + "/" + CONTENT.size())
        .body(CONTENT.body(from))
        .build();
  }

  private static long rangeStart(RecordedRequest request) {
    String range = request.getHeaders().get("Range");
    return Long.parseLong(range.substring("bytes=".length(), range.length() - 1));
  }

  /** Answers the first GET with {@code first} and every later one with {@code later}. */
  private List<RecordedRequest> serve(
      MockResponse first, Function<RecordedRequest, MockResponse> later) {
    List<RecordedRequest> seen = new CopyOnWriteArrayList<>();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            seen.add(request);
            return seen.size() == 1 ? first : later.apply(request);
          }
        });
    return seen;
  }

  private static String md5(byte[] bytes) throws Exception {
    return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
  }

  @Test
  void getObject_streamsVerifiesAndReportsTheObject() throws Exception {
    server.enqueue(whole(CONTENT.md5Base64()).build());
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    MantaObject info = client().getObject(MantaFixture.path("/alice/stor/a b.gz"), out);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/alice/stor/a%20b.gz");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("*/*");
    assertThat(request.getHeaders().get("Accept-Encoding")).isEqualTo("identity");
    assertThat(request.getHeaders().get("Range")).isNull();
    assertThat(request.getHeaders().get("If-Match")).isNull();
    MantaFixture.assertSigned(request);
    assertThat(md5(out.toByteArray())).isEqualTo(CONTENT.md5Base64());
    assertThat(info.size()).isEqualTo(CONTENT.size());
    assertThat(info.etag()).isEqualTo(ETAG);
    assertThat(info.md5Base64()).isEqualTo(CONTENT.md5Base64());
    assertThat(info.md5Hex()).isEqualTo(HexFormat.of().formatHex(CONTENT.md5()));
    assertThat(info.contentType()).isEqualTo("application/gzip");
    assertThat(info.metadata()).containsEntry("m-build-id", "b-42");
    assertThat(info.type()).isEqualTo(EntryType.OBJECT);
    assertThat(manta.listener.events(Event.Transfer.class))
        .last()
        .isEqualTo(new Event.Transfer("/alice/stor/a b.gz", CONTENT.size(), CONTENT.size()));
  }

  @Test
  void getObject_streamExposesDigestsOnceReadToTheEnd() throws Exception {
    server.enqueue(whole(CONTENT.md5Base64()).build());

    try (MantaInputStream in = client().getObject(MantaFixture.path("/alice/stor/x"))) {
      assertThat(in.md5Base64()).isNull();
      assertThat(in.read()).isEqualTo(CONTENT.bytes(0, 1)[0] & 0xff);
      assertThat(in.skip(1000)).isEqualTo(1000);
      in.transferTo(java.io.OutputStream.nullOutputStream());
      assertThat(in.read()).isEqualTo(-1);
      assertThat(in.bytesRead()).isEqualTo(CONTENT.size());
      assertThat(in.md5Base64()).isEqualTo(CONTENT.md5Base64());
      assertThat(in.md5Hex()).isEqualTo(HexFormat.of().formatHex(CONTENT.md5()));
      assertThat(in.resumes()).isZero();
    }
  }

  @Test
  void getObject_contentMd5Differs_failsNamingBothDigests() {
    String wrong = Base64.getEncoder().encodeToString(new byte[16]);
    server.enqueue(whole(wrong).build());

    assertThatThrownBy(
            () ->
                client()
                    .getObject(
                        MantaFixture.path("/alice/stor/x"),
                        java.io.OutputStream.nullOutputStream()))
        .isInstanceOf(TritonIoException.class)
        .hasMessage(
            "Manta GetObject of /alice/stor/x: the "
                + CONTENT.size()
                + " bytes received have MD5 "
                + CONTENT.md5Base64()
                + " (hex "
                + HexFormat.of().formatHex(CONTENT.md5())
                + "), but Manta's content-md5 is "
                + wrong
                + " (hex "
                + "00".repeat(16)
                + "); the download is corrupt, fetch it again.");
  }

  @Test
  void getObject_noContentMd5_checksTheLengthAndWarns() {
    server.enqueue(whole(null).build());

    client().getObject(MantaFixture.path("/alice/stor/x"), java.io.OutputStream.nullOutputStream());

    assertThat(manta.listener.warnings())
        .singleElement()
        .asString()
        .contains(
            "carried no content-md5, so its "
                + CONTENT.size()
                + " bytes (MD5 "
                + CONTENT.md5Base64());
  }

  @Test
  void getObject_connectionDropsMidBody_resumesWithRangeAndIfMatchAndEndsWithTheRightMd5()
      throws Exception {
    List<RecordedRequest> seen =
        serve(
            whole(CONTENT.md5Base64()).onResponseBody(new SocketEffect.CloseSocket()).build(),
            GetObjectTest::rest);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MantaInputStream in = client().getObject(MantaFixture.path("/alice/stor/image.zfs.gz"));

    try (in) {
      in.transferTo(out);
    }

    assertThat(out.size()).isEqualTo(CONTENT.size());
    assertThat(md5(out.toByteArray())).isEqualTo(CONTENT.md5Base64());
    assertThat(in.md5Base64()).isEqualTo(CONTENT.md5Base64());
    assertThat(in.resumes()).isEqualTo(1);
    assertThat(seen).hasSize(2);
    RecordedRequest resumed = seen.get(1);
    assertThat(resumed.getTarget()).isEqualTo("/alice/stor/image.zfs.gz");
    assertThat(resumed.getHeaders().get("If-Match")).isEqualTo(ETAG);
    assertThat(rangeStart(resumed)).isPositive().isLessThan(CONTENT.size());
    MantaFixture.assertSigned(resumed);
    assertThat(manta.listener.warnings())
        .singleElement()
        .asString()
        .contains("the connection dropped after " + rangeStart(resumed) + " of " + CONTENT.size());
  }

  @Test
  void getObject_objectChangedBeforeTheResume_failsClearlyOn412() {
    serve(
        whole(CONTENT.md5Base64()).onResponseBody(new SocketEffect.CloseSocket()).build(),
        r -> error(412, "PreconditionFailed", "if-match '" + ETAG + "' didn't match etag 'other'"));

    assertThatThrownBy(
            () ->
                client()
                    .getObject(
                        MantaFixture.path("/alice/stor/x"),
                        java.io.OutputStream.nullOutputStream()))
        .isInstanceOfSatisfying(
            TritonApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(412))
        .hasMessageContaining(
            "/alice/stor/x changed on the server while it was being downloaded (its etag is no"
                + " longer "
                + ETAG
                + "); download it again");
  }

  @Test
  void getObject_serverIgnoresTheRange_skipsWhatItAlreadyHashed() throws Exception {
    serve(
        whole(CONTENT.md5Base64()).onResponseBody(new SocketEffect.CloseSocket()).build(),
        r -> whole(CONTENT.md5Base64()).build());
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    client().getObject(MantaFixture.path("/alice/stor/x"), out);

    assertThat(md5(out.toByteArray())).isEqualTo(CONTENT.md5Base64());
  }

  @Test
  void getObject_connectionKeepsDroppingWithoutProgress_givesUp() {
    // Every later answer ignores the Range and is cut where the first was, so nothing new comes.
    serve(
        whole(CONTENT.md5Base64()).onResponseBody(new SocketEffect.CloseSocket()).build(),
        r -> whole(CONTENT.md5Base64()).onResponseBody(new SocketEffect.CloseSocket()).build());

    assertThatThrownBy(
            () ->
                client()
                    .getObject(
                        MantaFixture.path("/alice/stor/x"),
                        java.io.OutputStream.nullOutputStream()))
        .isInstanceOf(TritonIoException.class)
        .hasMessageContaining(
            "Manta GetObject of /alice/stor/x lost its connection 4 times at byte")
        .hasMessageContaining("without progress; giving up");
    assertThat(manta.clock.sleeps()).hasSize(3);
  }

  @Test
  void getObject_missing_isResourceNotFound() throws Exception {
    server.enqueue(error(404, "ResourceNotFound", "/alice/stor/x was not found"));

    assertThatThrownBy(() -> client().getObject(MantaFixture.path("/alice/stor/x")))
        .isInstanceOfSatisfying(
            TritonApiException.class,
            e -> {
              assertThat(e.hasCode("ResourceNotFound")).isTrue();
              assertThat(e.isNotFound()).isTrue();
            })
        .hasMessage(
            "Manta GetObject failed: HTTP 404 ResourceNotFound: /alice/stor/x does not exist"
                + " (request-id req-1)");
  }

  @Test
  void getObject_directory_isRefused() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/x-json-stream; type=directory")
            .body("{\"name\":\"a\",\"type\":\"object\"}\n")
            .build());

    assertThatThrownBy(() -> client().getObject(MantaFixture.path("/alice/stor/d")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("/alice/stor/d is a directory, not an object; list it with listDirectory.");
  }

  @Test
  void getObjectToFile_writesTheVerifiedBytesInPlace() throws Exception {
    server.enqueue(whole(CONTENT.md5Base64()).build());
    Path file = temp.resolve("image.zfs.gz");

    client().getObject(MantaFixture.path("/alice/stor/x"), file);

    assertThat(md5(Files.readAllBytes(file))).isEqualTo(CONTENT.md5Base64());
    try (var files = Files.list(temp)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void getObjectToFile_corruptDownload_leavesNoFileBehind() throws Exception {
    server.enqueue(whole(Base64.getEncoder().encodeToString(new byte[16])).build());
    Path file = temp.resolve("image.zfs.gz");

    assertThatThrownBy(() -> client().getObject(MantaFixture.path("/alice/stor/x"), file))
        .isInstanceOf(TritonIoException.class);

    try (var files = Files.list(temp)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void mantaInputStream_readAfterClose_fails() throws Exception {
    server.enqueue(whole(CONTENT.md5Base64()).build());
    InputStream in = client().getObject(MantaFixture.path("/alice/stor/x"));
    in.close();

    assertThatThrownBy(in::read).hasMessageContaining("was closed");
  }
}
