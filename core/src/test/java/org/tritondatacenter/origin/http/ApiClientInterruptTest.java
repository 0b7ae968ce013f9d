package org.tritondatacenter.origin.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.operations.RecordingListener;
import org.tritondatacenter.origin.testsupport.InterruptibleWorker;

class ApiClientInterruptTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private final RecordingListener listener = new RecordingListener();

  private ApiClient client() {
    return ApiClient.create(
        TestSetup.signed(server, Service.CLOUDAPI, new TestAuthorizer()),
        HttpConfig.builder()
            .listener(listener)
            .readTimeout(Duration.ofMinutes(5))
            .retryPolicy(new RetryPolicy(3, Duration.ofMinutes(5), TestSetup.HALF_JITTER))
            .build());
  }

  @Test
  void slowCall_interrupted_isCancelledWithinASecond() throws Exception {
    server.enqueue(
        new MockResponse.Builder().headersDelay(30, TimeUnit.SECONDS).body("{}").build());
    ApiClient client = client();

    InterruptibleWorker worker =
        new InterruptibleWorker(
            () -> client.send(ApiRequest.post("ExportImage").path("alice", "images").build()));
    assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
    long millis = worker.interruptAndJoin();

    assertThat(worker.thread.isAlive()).isFalse();
    assertThat(millis).isLessThan(1_000);
    assertThat(worker.thrown.get())
        .isInstanceOf(OperationInterruptedException.class)
        .hasMessage("CloudAPI ExportImage was interrupted; the call was cancelled");
    assertThat(worker.flagAfter.get()).isTrue();
  }

  @Test
  void slowBody_interruptedWhileReading_endsWithinASecond() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .body("x".repeat(100_000))
            .throttleBody(10, 50, TimeUnit.MILLISECONDS)
            .build());
    ApiClient client = client();
    AtomicBoolean reading = new AtomicBoolean();

    InterruptibleWorker worker =
        new InterruptibleWorker(
            () -> {
              try (ApiResponse response = client.open(ApiRequest.get("GetImageFile").build());
                  InputStream body = response.body()) {
                byte[] buffer = new byte[8192];
                while (body.read(buffer) != -1) {
                  reading.set(true);
                }
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    while (!reading.get()) {
      Thread.onSpinWait();
    }
    long millis = worker.interruptAndJoin();

    assertThat(millis).isLessThan(1_000);
    assertThat(worker.thrown.get()).isInstanceOf(OperationInterruptedException.class);
    assertThat(worker.flagAfter.get()).isTrue();
  }

  @Test
  void backoffSleep_interrupted_endsAtOnce() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "120").build());
    ApiClient client = client();

    InterruptibleWorker worker =
        new InterruptibleWorker(() -> client.send(ApiRequest.get("ListImages").build()));
    assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
    while (listener.warnings().isEmpty()) {
      Thread.onSpinWait();
    }
    long millis = worker.interruptAndJoin();

    assertThat(millis).isLessThan(1_000);
    assertThat(worker.thrown.get())
        .isInstanceOf(OperationInterruptedException.class)
        .hasMessageContaining("waiting to retry");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void alreadyInterruptedThread_sendsNothing() throws Exception {
    ApiClient client = client();
    InterruptibleWorker worker =
        new InterruptibleWorker(
            () -> {
              Thread.currentThread().interrupt();
              client.send(ApiRequest.get("ListImages").build());
            });
    worker.thread.join(5_000);

    assertThat(worker.thrown.get()).isInstanceOf(OperationInterruptedException.class);
    assertThat(worker.flagAfter.get()).isTrue();
    assertThat(server.getRequestCount()).isZero();
  }
}
