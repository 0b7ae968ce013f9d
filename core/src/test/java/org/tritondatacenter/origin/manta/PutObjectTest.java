package org.tritondatacenter.origin.manta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tritondatacenter.origin.manta.DirectoryTest.error;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.http.ByteSource;

class PutObjectTest {
  private static final Generated CONTENT = new Generated(11, 1024 * 1024 + 17);

  @StartStop final MockWebServer server = new MockWebServer();

  private MantaFixture manta;

  private MantaClient client() {
    if (manta == null) {
      manta = new MantaFixture(server);
    }
    return manta.client;
  }

  private static MockResponse stored(String computedMd5) {
    return new MockResponse.Builder()
        .add100Continue()
        .code(204)
        .setHeader("Etag", "b8c7a6e2-0f43-4a55-8f0e-3b1c2d9e7f60")
        .setHeader("Computed-MD5", computedMd5)
        .build();
  }

  /** An answer sent before the body, as Manta refuses a missing directory. */
  private static MockResponse refused(int status, String code, String message) {
    return new MockResponse.Builder(error(status, code, message)).doNotReadRequestBody().build();
  }

  /** An error sent after the body was read, as Manta does for digest and size checks. */
  private static MockResponse afterBody(int status, String code, String message) {
    return new MockResponse.Builder(error(status, code, message)).add100Continue().build();
  }

  private static String md5(byte[] bytes) throws Exception {
    return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
  }

  private static ByteSource source() {
    return CONTENT.source("image.zfs.gz", CONTENT.size(), new int[1]);
  }

  @Test
  void putObject_streamsTheBodyWithHeadersAndReturnsTheVerifiedDigest() throws Exception {
    server.enqueue(stored(CONTENT.md5Base64()));

    PutObjectResult result =
        client()
            .putObject(
                MantaFixture.path("/alice/stor/builds/image 1.zfs.gz"),
                source(),
                PutOptions.builder()
                    .contentType("application/gzip")
                    .durabilityLevel(3)
                    .metadata("m-build-id", "b-42")
                    .build());

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getTarget()).isEqualTo("/alice/stor/builds/image%201.zfs.gz");
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/gzip");
    assertThat(request.getHeaders().get("Content-Length")).isEqualTo("" + CONTENT.size());
    assertThat(request.getHeaders().get("Durability-Level")).isEqualTo("3");
    assertThat(request.getHeaders().get("Expect")).isEqualTo("100-continue");
    assertThat(request.getHeaders().get("m-build-id")).isEqualTo("b-42");
    assertThat(request.getHeaders().get("Content-MD5")).isNull();
    assertThat(md5(request.getBody().toByteArray())).isEqualTo(CONTENT.md5Base64());
    MantaFixture.assertSigned(request);
    byte[] md5 = MessageDigest.getInstance("MD5").digest(CONTENT.all());
    assertThat(result)
        .isEqualTo(
            new PutObjectResult(
                MantaFixture.path("/alice/stor/builds/image 1.zfs.gz"),
                "b8c7a6e2-0f43-4a55-8f0e-3b1c2d9e7f60",
                HexFormat.of().formatHex(md5),
                Base64.getEncoder().encodeToString(md5),
                CONTENT.size()));
  }

  @Test
  void putObject_defaults_sendTwoCopiesAndOctetStream() throws Exception {
    server.enqueue(stored(CONTENT.md5Base64()));

    client().putObject(MantaFixture.path("/alice/public/x"), source());

    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("Durability-Level")).isEqualTo("2");
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/octet-stream");
  }

  @Test
  void putObject_unknownSize_isSentChunkedWithMaxContentLength() throws Exception {
    server.enqueue(stored(CONTENT.md5Base64()));

    PutObjectResult result =
        client()
            .putObject(
                MantaFixture.path("/alice/stor/stream"),
                CONTENT.source("stdin", -1, new int[1]),
                PutOptions.builder().maxContentLength(2L << 20).build());

    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("Transfer-Encoding")).isEqualTo("chunked");
    assertThat(request.getHeaders().get("Content-Length")).isNull();
    assertThat(request.getHeaders().get("Max-Content-Length")).isEqualTo("" + (2L << 20));
    assertThat(md5(request.getBody().toByteArray())).isEqualTo(CONTENT.md5Base64());
    assertThat(result.size()).isEqualTo(CONTENT.size());
  }

  @Test
  void putObject_knownMd5_isSentAsContentMd5() throws Exception {
    server.enqueue(stored(CONTENT.md5Base64()));
    String hex = HexFormat.of().formatHex(CONTENT.md5());

    client()
        .putObject(
            MantaFixture.path("/alice/stor/x"),
            source(),
            PutOptions.builder().contentMd5(hex).build());

    assertThat(server.takeRequest().getHeaders().get("Content-MD5")).isEqualTo(CONTENT.md5Base64());
  }

  @Test
  void putObject_missingComputedMd5_isAFailure() {
    server.enqueue(new MockResponse.Builder().add100Continue().code(204).build());

    assertThatThrownBy(() -> client().putObject(MantaFixture.path("/alice/stor/x"), source()))
        .isInstanceOf(TritonIoException.class)
        .hasMessage(
            "Manta PutObject of /alice/stor/x: the answer carried no computed-md5, so the "
                + CONTENT.size()
                + " bytes sent from image.zfs.gz (MD5 "
                + CONTENT.md5Base64()
                + ") cannot be verified as stored; check that the URL points at Manta and upload"
                + " it again.");
  }

  @Test
  void putObject_computedMd5Differs_failsNamingBothDigests() {
    byte[] other = new byte[16];
    String otherBase64 = Base64.getEncoder().encodeToString(other);
    server.enqueue(stored(otherBase64));

    assertThatThrownBy(() -> client().putObject(MantaFixture.path("/alice/stor/x"), source()))
        .isInstanceOf(TritonIoException.class)
        .hasMessageContaining("Manta computed MD5 " + otherBase64 + " (hex " + "00".repeat(16))
        .hasMessageContaining(
            "have MD5 "
                + CONTENT.md5Base64()
                + " (hex "
                + HexFormat.of().formatHex(CONTENT.md5())
                + ")")
        .hasMessageEndingWith("the stored object is not the source, upload it again.");
  }

  @Test
  void putObject_directoryDoesNotExist_namesTheParentAndSuggestsMkdirp() throws Exception {
    int[] opens = new int[1];
    server.enqueue(refused(404, "DirectoryDoesNotExist", "/alice/stor/builds/2026 does not exist"));

    assertThatThrownBy(
            () ->
                client()
                    .putObject(
                        MantaFixture.path("/alice/stor/builds/2026/image.zfs.gz"),
                        CONTENT.source("image.zfs.gz", CONTENT.size(), opens)))
        .isInstanceOfSatisfying(
            TritonApiException.class,
            e -> {
              assertThat(e.hasCode("DirectoryDoesNotExist")).isTrue();
              assertThat(e.isNotFound()).isTrue();
            })
        .hasMessageContaining(
            "the parent directory /alice/stor/builds/2026 of /alice/stor/builds/2026/image.zfs.gz"
                + " does not exist; create it first (MantaClient.mkdirp");
    assertThat(opens[0]).as("no byte of the source was read").isZero();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void putObject_mkdirs_createsTheParentsAndRetriesOnce() throws Exception {
    server.enqueue(refused(404, "DirectoryDoesNotExist", "/alice/stor/a/b does not exist"));
    server.enqueue(new MockResponse.Builder().code(204).build());
    server.enqueue(new MockResponse.Builder().code(204).build());
    server.enqueue(stored(CONTENT.md5Base64()));

    PutObjectResult result =
        client()
            .putObject(
                MantaFixture.path("/alice/stor/a/b/x"),
                source(),
                PutOptions.builder().mkdirs(true).build());

    assertThat(result.md5Base64()).isEqualTo(CONTENT.md5Base64());
    assertThat(manta.listener.events(Event.Info.class))
        .containsExactly(new Event.Info("Manta: /alice/stor/a/b does not exist; creating it"));
    assertThat(server.takeRequest().getTarget()).isEqualTo("/alice/stor/a/b/x");
    RecordedRequest mkdir = server.takeRequest();
    assertThat(mkdir.getTarget()).isEqualTo("/alice/stor/a");
    assertThat(mkdir.getHeaders().get("Content-Type"))
        .isEqualTo("application/json; type=directory");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/alice/stor/a/b");
    RecordedRequest retried = server.takeRequest();
    assertThat(retried.getTarget()).isEqualTo("/alice/stor/a/b/x");
    assertThat(md5(retried.getBody().toByteArray())).isEqualTo(CONTENT.md5Base64());
  }

  @Test
  void putObject_mkdirsButStillMissing_failsAfterOneRetry() {
    server.enqueue(refused(404, "DirectoryDoesNotExist", "gone"));
    server.enqueue(new MockResponse.Builder().code(204).build());
    server.enqueue(refused(404, "DirectoryDoesNotExist", "gone again"));

    assertThatThrownBy(
            () ->
                client()
                    .putObject(
                        MantaFixture.path("/alice/stor/a/x"),
                        source(),
                        PutOptions.builder().mkdirs(true).build()))
        .isInstanceOfSatisfying(
            TritonApiException.class, e -> assertThat(e.hasCode("DirectoryDoesNotExist")).isTrue());
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void putObject_parentNotDirectory_isReported() {
    server.enqueue(refused(400, "ParentNotDirectory", "/alice/stor/f is not a directory"));

    assertThatThrownBy(() -> client().putObject(MantaFixture.path("/alice/stor/f/x"), source()))
        .isInstanceOfSatisfying(
            TritonApiException.class, e -> assertThat(e.hasCode("ParentNotDirectory")).isTrue())
        .hasMessageContaining("/alice/stor/f is an object, not a directory");
  }

  @Test
  void putObject_contentMd5Mismatch_saysTheSourceChanged() {
    server.enqueue(
        afterBody(
            400, "ContentMD5Mismatch", "Content-MD5 expected AAAAAAAAAAAAAAAAAAAAAA==, but was x"));

    assertThatThrownBy(
            () ->
                client()
                    .putObject(
                        MantaFixture.path("/alice/stor/x"),
                        source(),
                        PutOptions.builder().contentMd5("AAAAAAAAAAAAAAAAAAAAAA==").build()))
        .isInstanceOfSatisfying(
            TritonApiException.class, e -> assertThat(e.hasCode("ContentMD5Mismatch")).isTrue())
        .hasMessageContaining(
            "the bytes Manta received for /alice/stor/x do not match the content-md5 that was"
                + " sent");
  }

  @Test
  void putObject_maxContentLengthExceeded_suggestsAKnownSize() {
    server.enqueue(afterBody(413, "MaxContentLengthExceeded", "request has exceeded 1000 bytes"));

    assertThatThrownBy(
            () ->
                client()
                    .putObject(
                        MantaFixture.path("/alice/stor/x"),
                        CONTENT.source("stdin", -1, new int[1]),
                        PutOptions.builder().maxContentLength(1000).build()))
        .isInstanceOfSatisfying(
            TritonApiException.class,
            e -> {
              assertThat(e.hasCode("MaxContentLengthExceeded")).isTrue();
              assertThat(e.httpStatus()).isEqualTo(413);
            })
        .hasMessageContaining(
            "the upload of /alice/stor/x is larger than Manta accepts (request has exceeded 1000"
                + " bytes); give the source a known size or raise max-content-length");
  }

  @Test
  void putObject_foreignPathRefusedByManta_reportsTheMissingPermission() {
    server.enqueue(
        refused(403, "AuthorizationFailed", "alice is not allowed to access /alice/stor/x"));

    assertThatThrownBy(() -> client().putObject(MantaFixture.path("/alice/stor/x"), source()))
        .isInstanceOfSatisfying(
            TritonApiException.class,
            e -> {
              assertThat(e.hasCode("AuthorizationFailed")).isTrue();
              assertThat(e.httpStatus()).isEqualTo(403);
            })
        .hasMessageContaining(
            "the key is not allowed to access /alice/stor/x (alice is not allowed to access"
                + " /alice/stor/x); check the Manta login, the sub-user and the roles");
    assertThat(server.getRequestCount()).as("a 403 is not retried").isEqualTo(1);
  }

  @Test
  void putObject_pathOfAnotherAccount_isRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> client().putObject(client().path("/bob/stor/x"), source()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'/bob/stor/x' is outside the account 'alice'");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void putObject_connectionResetHalfwayThroughTheBody_resendsTheWholeBody() throws Exception {
    int[] opens = new int[1];
    MockResponse cut =
        new MockResponse.Builder()
            .add100Continue()
            .onRequestBody(new SocketEffect.CloseSocket())
            .build();
    MockResponse ok = stored(CONTENT.md5Base64());
    AtomicBoolean healed = new AtomicBoolean();
    // MockWebServer peeks at the answer before reading a body and takes it only once the body is
    // complete, so a cut attempt never consumes it; the server heals while the client backs off.
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return healed.get() ? ok : cut;
          }

          @Override
          public MockResponse peek() {
            return healed.get() ? ok : cut;
          }
        });

    MantaClient client = client();
    manta.onSleep = () -> healed.set(true);

    PutObjectResult result =
        client.putObject(
            MantaFixture.path("/alice/stor/x"),
            CONTENT.source("image.zfs.gz", CONTENT.size(), opens));

    assertThat(opens[0]).as("the source was reopened for the second attempt").isEqualTo(2);
    assertThat(result.md5Base64()).isEqualTo(CONTENT.md5Base64());
    assertThat(result.size()).isEqualTo(CONTENT.size());
    assertThat(manta.clock.sleeps()).hasSize(1);
    assertThat(manta.listener.warnings()).singleElement().asString().contains("retrying");
    RecordedRequest cutShort = server.takeRequest();
    RecordedRequest stored = server.takeRequest();
    assertThat(cutShort.getBodySize()).isLessThan(CONTENT.size());
    assertThat(md5(stored.getBody().toByteArray())).isEqualTo(CONTENT.md5Base64());
    MantaFixture.assertSigned(cutShort);
    MantaFixture.assertSigned(stored);
  }

  @Test
  void putOptions_badValues_areRefusedNamingThem() {
    assertThatThrownBy(() -> PutOptions.builder().durabilityLevel(0))
        .hasMessageContaining("durability level 0");
    assertThatThrownBy(() -> PutOptions.builder().contentMd5("not-an-md5"))
        .hasMessageContaining("'not-an-md5' is neither 32 hex digits nor the base64 of 16 bytes");
    assertThatThrownBy(() -> PutOptions.builder().metadata("build", "x"))
        .hasMessageContaining("'build' must start with 'm-'");
    assertThatThrownBy(() -> PutOptions.builder().metadata("m-x", "a\nb"))
        .hasMessageContaining("metadata m-x holds a character that is not printable ASCII");
    assertThatThrownBy(() -> PutOptions.builder().metadata("m-x", "y".repeat(5000)))
        .hasMessageContaining("Manta allows 4 KiB");
    assertThatThrownBy(() -> PutOptions.builder().contentType("gzip"))
        .hasMessageContaining("'gzip' is not of the form type/subtype");
  }
}
