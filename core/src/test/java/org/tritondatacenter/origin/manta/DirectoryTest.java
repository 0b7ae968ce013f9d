package org.tritondatacenter.origin.manta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.TritonApiException;

class DirectoryTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private MantaFixture manta;

  private MantaClient client() {
    if (manta == null) {
      manta = new MantaFixture(server);
    }
    return manta.client;
  }

  static MockResponse error(int status, String code, String message) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .setHeader("x-request-id", "req-1")
        .body("{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}")
        .build();
  }

  @Test
  void putDirectory_sendsTheDirectoryContentTypeAndNoBody() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());

    client().putDirectory(MantaFixture.path("/alice/stor/a b"));

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getTarget()).isEqualTo("/alice/stor/a%20b");
    assertThat(request.getHeaders().get("Content-Type"))
        .isEqualTo("application/json; type=directory");
    assertThat(request.getHeaders().get("Content-Length")).isEqualTo("0");
    assertThat(request.getHeaders().get("Durability-Level")).isNull();
    assertThat(request.getHeaders().get("Content-MD5")).isNull();
    assertThat(request.getBodySize()).isZero();
    MantaFixture.assertSigned(request);
  }

  @Test
  void putDirectory_asSubUser_signsWithTheMantaSubUserKeyIdAndTheAccountPath() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    MantaClient asBob = new MantaFixture(server, "bob").client;

    asBob.putDirectory(asBob.path("~~/stor/shared"));

    RecordedRequest request = server.takeRequest();
    assertThat(request.getTarget()).isEqualTo("/alice/stor/shared");
    MantaFixture.assertSigned(request, "/alice/bob/keys/" + MantaFixture.md5Fingerprint());
  }

  @Test
  void putDirectory_parentMissing_reportsTheParentAndSuggestsMkdirp() {
    server.enqueue(error(404, "DirectoryDoesNotExist", "/alice/stor/a does not exist"));

    assertThatThrownBy(() -> client().putDirectory(MantaFixture.path("/alice/stor/a/b")))
        .isInstanceOfSatisfying(
            TritonApiException.class,
            e -> {
              assertThat(e.hasCode("DirectoryDoesNotExist")).isTrue();
              assertThat(e.httpStatus()).isEqualTo(404);
              assertThat(e.requestId()).isEqualTo("req-1");
              assertThat(e.getCause()).isInstanceOf(TritonApiException.class);
            })
        .hasMessage(
            "Manta PutDirectory failed: HTTP 404 DirectoryDoesNotExist: the parent directory"
                + " /alice/stor/a of /alice/stor/a/b does not exist; create it first"
                + " (MantaClient.mkdirp, or the mkdirs option of putObject) (request-id req-1)");
  }

  @Test
  void putDirectory_parentIsAnObject_saysSo() {
    server.enqueue(error(400, "ParentNotDirectory", "/alice/stor/f is not a directory"));

    assertThatThrownBy(() -> client().putDirectory(MantaFixture.path("/alice/stor/f/d")))
        .isInstanceOfSatisfying(
            TritonApiException.class, e -> assertThat(e.hasCode("ParentNotDirectory")).isTrue())
        .hasMessageContaining(
            "/alice/stor/f is an object, not a directory, so /alice/stor/f/d cannot be created"
                + " below it");
  }

  @Test
  void putDirectory_topLevel_isRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> client().putDirectory(MantaFixture.path("/alice/public")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/alice/public is a top-level directory");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void putDirectory_pathOfAnotherAccount_isRefusedBeforeAnyRequest() {
    MantaPath foreign = MantaPath.of("bob", "/bob/stor/x");

    assertThatThrownBy(() -> client().putDirectory(foreign))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The Manta path /bob/stor/x belongs to account 'bob', not to 'alice' that this"
                + " client signs as.");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void mkdirp_createsEachLevelFromTheTopDown() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(204).build());
    }

    client().mkdirp(MantaFixture.path("/alice/stor/a/b/c"));

    assertThat(server.takeRequest().getTarget()).isEqualTo("/alice/stor/a");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/alice/stor/a/b");
    RecordedRequest last = server.takeRequest();
    assertThat(last.getTarget()).isEqualTo("/alice/stor/a/b/c");
    assertThat(last.getHeaders().get("Content-Type")).isEqualTo("application/json; type=directory");
    MantaFixture.assertSigned(last);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void mkdirp_topLevel_sendsNothing() {
    client().mkdirp(MantaFixture.path("/alice/stor"));

    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void mkdirp_concurrentRequest_retriesTheWholeChainOnceAfter250ms() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    server.enqueue(
        error(409, "ConcurrentRequest", "/alice/stor/a/b was being concurrently updated"));
    server.enqueue(new MockResponse.Builder().code(204).build());
    server.enqueue(new MockResponse.Builder().code(204).build());

    MantaClient client = client();
    client.mkdirp(MantaFixture.path("/alice/stor/a/b"));

    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(server.takeRequest().getTarget()).isEqualTo("/alice/stor/a");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/alice/stor/a/b");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/alice/stor/a");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/alice/stor/a/b");
    assertThat(manta.clock.sleeps()).containsExactly(Duration.ofMillis(250));
  }

  @Test
  void mkdirp_concurrentRequestTwice_fails() {
    server.enqueue(error(409, "ConcurrentRequest", "busy"));
    server.enqueue(error(409, "ConcurrentRequest", "busy"));

    assertThatThrownBy(() -> client().mkdirp(MantaFixture.path("/alice/stor/a")))
        .isInstanceOfSatisfying(
            TritonApiException.class, e -> assertThat(e.hasCode("ConcurrentRequest")).isTrue());
    assertThat(server.getRequestCount()).isEqualTo(2);
  }
}
