package org.tritondatacenter.origin.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tritondatacenter.origin.cloudapi.CloudApiTestSupport.json;
import static org.tritondatacenter.origin.cloudapi.Samples.MACHINE_ID;
import static org.tritondatacenter.origin.cloudapi.Samples.NEW_IMAGE_ID;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.testsupport.InterruptibleWorker;
import org.tritondatacenter.origin.wait.ManualClock;
import org.tritondatacenter.origin.wait.Sleeper;

/**
 * Interrupting a wait, as a Jenkins abort or Ctrl-C does, ends it within a second whether the
 * thread is in a poll or sleeping between polls. These run on real threads and a real sleeper.
 */
class CloudApiWaitInterruptTest {
  @StartStop final MockWebServer server = NoDelayServerSockets.server();

  /** Counts down once a poll has been answered, just before the wait sleeps. */
  private final CountDownLatch polled = new CountDownLatch(1);

  private CloudApiClient client() {
    // Real sleeps between polls (2 s at first), so an interrupt can land in one.
    return CloudApiTestSupport.client(
        server,
        CloudApiTestSupport.config(new ManualClock())
            .sleeper(Sleeper.system())
            .listener(
                event -> {
                  if (event instanceof Event.Waiting) {
                    polled.countDown();
                  }
                })
            .build(),
        false);
  }

  @Test
  void waitForMachineState_interruptedDuringAPoll_cancelsTheCallWithinASecond() throws Exception {
    server.enqueue(
        new MockResponse.Builder(json(200, Samples.machine(MACHINE_ID, "running")))
            .headersDelay(30, TimeUnit.SECONDS)
            .build());
    CloudApiClient client = client();

    InterruptibleWorker worker =
        new InterruptibleWorker(
            () ->
                client.waitForMachineState(MACHINE_ID, MachineState.RUNNING, Duration.ofHours(1)));
    assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
    long millis = worker.interruptAndJoin();

    assertThat(worker.thread.isAlive()).isFalse();
    assertThat(millis).isLessThan(1_000);
    assertThat(worker.thrown.get())
        .isInstanceOf(OperationInterruptedException.class)
        .hasMessageContaining("GetMachine was interrupted; the call was cancelled");
    assertThat(worker.flagAfter.get()).isTrue();
  }

  @Test
  void waitForImageState_interruptedWhileSleeping_endsWithinASecondNamingTheLastState()
      throws Exception {
    server.enqueue(json(200, Samples.image(NEW_IMAGE_ID, "creating")));
    CloudApiClient client = client();

    InterruptibleWorker worker =
        new InterruptibleWorker(
            () -> client.waitForImageState(NEW_IMAGE_ID, ImageState.ACTIVE, Duration.ofHours(1)));
    assertThat(polled.await(5, TimeUnit.SECONDS)).isTrue();
    long millis = worker.interruptAndJoin();

    assertThat(worker.thread.isAlive()).isFalse();
    assertThat(millis).isLessThan(1_000);
    assertThat(worker.thrown.get())
        .isInstanceOf(OperationInterruptedException.class)
        .hasMessage(
            "interrupted while waiting for image "
                + NEW_IMAGE_ID
                + " to reach [active] (last seen: creating)");
    assertThat(worker.flagAfter.get()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
