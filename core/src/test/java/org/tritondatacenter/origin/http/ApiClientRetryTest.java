package org.tritondatacenter.origin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.operations.RecordingListener;
import org.tritondatacenter.origin.wait.ManualClock;
import org.tritondatacenter.origin.wait.Sleeper;

class ApiClientRetryTest {
  @StartStop final MockWebServer server = new MockWebServer();
  @TempDir Path temp;

  private final ManualClock clock = new ManualClock();
  private final RecordingListener listener = new RecordingListener();
  private final TestAuthorizer authorizer = new TestAuthorizer();

  private ApiClient client() {
    return ApiClient.create(
        TestSetup.signed(server, Service.CLOUDAPI, authorizer),
        TestSetup.config(clock, listener).build());
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  @Test
  void get_500ThenOk_retriesAfterBackoff() throws Exception {
    server.enqueue(json(500, "{\"code\":\"InternalError\",\"message\":\"boom\"}"));
    server.enqueue(json(200, "{\"id\":\"m1\",\"state\":\"running\"}"));

    Map<?, ?> machine =
        client()
            .call(ApiRequest.get("GetMachine").path("alice", "machines", "m1").build(), Map.class);

    assertThat(machine.get("state")).isEqualTo("running");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(500));
    assertThat(listener.warnings())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("HTTP 500 InternalError", "retrying in 0.5 s", "attempt 2 of 4");
  }

  @Test
  void get_503WithRetryAfter_waitsAtLeastThatLong() {
    server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "7").build());
    server.enqueue(json(200, "{}"));

    client().send(ApiRequest.get("ListImages").path("alice", "images").build());

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void post_429WithRetryAfter_isRetriedBecauseTheServerDidNothing() throws Exception {
    server.enqueue(
        json(429, "{\"code\":\"RequestThrottled\",\"message\":\"slow down\"}")
            .newBuilder()
            .setHeader("Retry-After", "3")
            .build());
    server.enqueue(json(201, "{\"id\":\"m1\"}"));

    Map<?, ?> created =
        client()
            .call(
                ApiRequest.post("CreateMachine")
                    .path("alice", "machines")
                    .jsonBody(Map.of("name", "b1"))
                    .build(),
                Map.class);

    assertThat(created.get("id")).isEqualTo("m1");
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(3));
    assertThat(server.takeRequest().getBody().utf8()).isEqualTo("{\"name\":\"b1\"}");
    assertThat(server.takeRequest().getBody().utf8()).isEqualTo("{\"name\":\"b1\"}");
  }

  @Test
  void get_alwaysFailing_stopsAfterMaxAttemptsWithTheLastError() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(
          json(503, "{\"code\":\"ServiceUnavailable\",\"message\":\"try " + i + "\"}")
              .newBuilder()
              .setHeader("x-request-id", "req-" + i)
              .build());
    }
    server.enqueue(json(200, "{}"));

    assertThatThrownBy(() -> client().send(ApiRequest.get("ListImages").build()))
        .isInstanceOfSatisfying(
            TritonApiException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(503);
              assertThat(e.requestId()).isEqualTo("req-3");
            });
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(clock.sleeps())
        .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void get_retryAfterBeyondTheTimeBudget_isNotWaitedFor() {
    server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "3600").build());

    assertThatThrownBy(() -> client().send(ApiRequest.get("ListImages").build()))
        .isInstanceOf(TritonApiException.class)
        .hasMessageContaining("HTTP 503");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(clock.totalSlept()).isZero();
  }

  @Test
  void post_500_isNotResent() {
    server.enqueue(json(500, "{\"code\":\"InternalError\",\"message\":\"maybe created\"}"));
    server.enqueue(json(201, "{\"id\":\"m2\"}"));

    assertThatThrownBy(
            () ->
                client()
                    .send(
                        ApiRequest.post("CreateMachine")
                            .path("alice", "machines")
                            .jsonBody(Map.of("name", "b1"))
                            .build()))
        .isInstanceOf(TritonApiException.class)
        .hasMessageContaining("CloudAPI CreateMachine failed: HTTP 500 InternalError");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void post_connectionDroppedBeforeTheAnswer_isNotResent() {
    server.enqueue(
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(json(201, "{\"id\":\"m2\"}"));

    assertThatThrownBy(
            () ->
                client()
                    .send(
                        ApiRequest.post("CreateMachine")
                            .path("alice", "machines")
                            .jsonBody(Map.of("name", "b1"))
                            .build()))
        .isInstanceOf(TritonIoException.class)
        .hasMessageContaining("CloudAPI CreateMachine to " + server.getHostName())
        .hasMessageEndingWith("; not sent again, because the server may have acted on it");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void post_markedIdempotent_isRetriedOn500() {
    server.enqueue(json(500, "{}"));
    server.enqueue(json(200, "{}"));

    client()
        .send(
            ApiRequest.post("ChannelAddImage")
                .path("images", "u1")
                .query("action", "channel-add")
                .jsonBody(Map.of("channel", "dev"))
                .idempotent(true)
                .build());

    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void everyAttempt_hasAFreshDateAndSignature() throws Exception {
    HttpConfig config = TestSetup.config(clock, listener).wallClock(clock).build();
    ApiClient client =
        ApiClient.create(TestSetup.signed(server, Service.MANTA, authorizer), config);
    server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "2").build());
    server.enqueue(new MockResponse.Builder().code(502).build());
    server.enqueue(new MockResponse.Builder().code(204).build());

    client.send(ApiRequest.get("GetObject").path("alice", "stor", "x").build());

    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    RecordedRequest third = server.takeRequest();
    assertThat(first.getHeaders().get("Date")).isEqualTo("Thu, 01 Jan 2026 00:00:00 GMT");
    assertThat(second.getHeaders().get("Date")).isEqualTo("Thu, 01 Jan 2026 00:00:02 GMT");
    assertThat(third.getHeaders().get("Date")).isEqualTo("Thu, 01 Jan 2026 00:00:03 GMT");
    for (RecordedRequest r : new RecordedRequest[] {first, second, third}) {
      assertThat(
              TestAuthorizer.verifies(
                  r.getHeaders().get("Authorization"), r.getHeaders().get("Date")))
          .as("signature of attempt %s", r.getExchangeIndex())
          .isTrue();
    }
    assertThat(first.getHeaders().get("Authorization"))
        .isNotEqualTo(second.getHeaders().get("Authorization"));
    assertThat(authorizer.signedTargets()).containsOnly("GET /alice/stor/x").hasSize(3);
  }

  @Test
  void put_connectionResetHalfwayThroughTheBody_resendsTheWholeFileWithFreshDigests()
      throws Exception {
    Path file = temp.resolve("image.zfs.gz");
    byte[] content = new byte[3 * 1024 * 1024 + 12345];
    new Random(42).nextBytes(content);
    Files.write(file, content);
    // MockWebServer peeks at the queued response before reading a body and only consumes it once
    // the body is complete, so a cut attempt would leave the cut queued; the server "heals"
    // instead while the client backs off.
    MockResponse cut =
        new MockResponse.Builder().onRequestBody(new SocketEffect.CloseSocket()).build();
    MockResponse stored =
        new MockResponse.Builder().code(204).setHeader("computed-md5", "from-server").build();
    AtomicBoolean healed = new AtomicBoolean();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return healed.get() ? stored : cut;
          }

          @Override
          public MockResponse peek() {
            return healed.get() ? stored : cut;
          }
        });
    Sleeper healingSleeper =
        d -> {
          healed.set(true);
          clock.sleep(d);
        };
    ApiClient client =
        ApiClient.create(
            TestSetup.signed(server, Service.MANTA, authorizer),
            TestSetup.config(clock, listener).sleeper(healingSleeper).build());

    ApiResponse response;
    try (ApiResponse r =
        client.open(
            ApiRequest.put("PutObject")
                .path("alice", "stor", "builds", "image.zfs.gz")
                .body(ByteSource.ofFile(file), "application/octet-stream")
                .digests(DigestAlgorithm.SHA1, DigestAlgorithm.MD5)
                .build())) {
      response = r;
    }

    String sha1sum =
        new String(
                new ProcessBuilder("sha1sum", file.toString())
                    .start()
                    .getInputStream()
                    .readAllBytes())
            .split(" ")[0];
    String independentSha1 =
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
    assertThat(sha1sum).isEqualTo(independentSha1);
    assertThat(response.attempts()).isEqualTo(2);
    assertThat(response.sent().bytes()).isEqualTo(content.length);
    assertThat(response.sent().sha1Hex()).isEqualTo(sha1sum);
    assertThat(response.sent().md5()).isEqualTo(MessageDigest.getInstance("MD5").digest(content));
    assertThat(response.header("computed-md5")).isEqualTo("from-server");

    assertThat(listener.warnings())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("Manta PutObject to", "retrying");
    RecordedRequest cutShort = server.takeRequest();
    RecordedRequest retried = server.takeRequest();
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(cutShort.getFailure()).isNotNull();
    assertThat(cutShort.getBodySize()).isLessThan(content.length);
    assertThat(retried.getHeaders().get("Content-Length"))
        .isEqualTo(String.valueOf(content.length));
    assertThat(retried.getBody().toByteArray()).isEqualTo(content);
  }
}
