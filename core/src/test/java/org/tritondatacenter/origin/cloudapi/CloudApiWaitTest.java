package org.tritondatacenter.origin.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.tritondatacenter.origin.cloudapi.CloudApiTestSupport.empty;
import static org.tritondatacenter.origin.cloudapi.CloudApiTestSupport.error;
import static org.tritondatacenter.origin.cloudapi.CloudApiTestSupport.json;
import static org.tritondatacenter.origin.cloudapi.Samples.MACHINE_ID;
import static org.tritondatacenter.origin.cloudapi.Samples.NEW_IMAGE_ID;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.WaitTimeoutException;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.wait.Backoff;
import org.tritondatacenter.origin.wait.ManualClock;
import org.tritondatacenter.origin.wait.Waiter;

/** Waits on a {@link ManualClock}: sleeps advance it at once, so long waits take milliseconds. */
class CloudApiWaitTest {
  @StartStop final MockWebServer server = NoDelayServerSockets.server();

  private final ManualClock clock = new ManualClock();
  private final Instant start = clock.now();

  private CloudApiClient client() {
    return CloudApiTestSupport.client(server, clock);
  }

  /** Answers every request from {@code answer}, which sees the virtual time since the start. */
  private void answer(Function<Duration, MockResponse> answer) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return answer.apply(Duration.between(start, clock.now()));
          }
        });
  }

  /** Answers with {@code responses} in order, repeating the last one. */
  private void answerInOrder(MockResponse... responses) {
    Deque<MockResponse> queue = new ArrayDeque<>(List.of(responses));
    answer(elapsed -> queue.size() > 1 ? queue.poll() : queue.peek());
  }

  private static MockResponse machine(String state) {
    return json(200, Samples.machine(MACHINE_ID, state));
  }

  private static MockResponse image(String state) {
    return json(200, Samples.image(NEW_IMAGE_ID, state));
  }

  @Test
  void waitForMachineState_thirtyMinuteProvision_runsInMilliseconds() throws Exception {
    answer(elapsed -> machine(elapsed.toMinutes() >= 30 ? "running" : "provisioning"));
    long realStart = System.nanoTime();

    Machine machine =
        client().waitForMachineState(MACHINE_ID, MachineState.RUNNING, Duration.ofMinutes(45));

    long realMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - realStart);
    assertThat(machine.state()).isEqualTo(MachineState.RUNNING);
    assertThat(clock.totalSlept()).isBetween(Duration.ofMinutes(30), Duration.ofMinutes(31));
    assertThat(realMillis).isLessThan(10_000);
    RecordedRequest first = server.takeRequest(0, TimeUnit.SECONDS);
    CloudApiTestSupport.assertRequest(first, "GET", "/alice/machines/" + MACHINE_ID);
  }

  @Test
  void waitForMachineState_tenMinutesWithoutChange_costsAtMostFortyRequests() {
    answer(elapsed -> machine("provisioning"));

    WaitTimeoutException e =
        catchThrowableOfType(
            WaitTimeoutException.class,
            () ->
                client()
                    .waitForMachineState(MACHINE_ID, MachineState.RUNNING, Duration.ofMinutes(10)));

    assertThat(e.lastState()).isEqualTo("provisioning");
    assertThat(server.getRequestCount()).isBetween(25, 40);
  }

  @Test
  void waitForMachineState_shortestJitterForTenMinutes_stillCostsAtMostFortyRequests() {
    answer(elapsed -> machine("provisioning"));
    // random 0 gives every delay its -20 % extreme: the most polls the policy can make.
    Waiter eager =
        Waiter.create(clock, clock, EventListener.NONE)
            .withBackoff(Backoff.polling().withRandom(() -> 0.0));

    catchThrowableOfType(
        WaitTimeoutException.class,
        () ->
            client()
                .withWaiter(eager)
                .waitForMachineState(MACHINE_ID, MachineState.RUNNING, Duration.ofMinutes(10)));

    assertThat(server.getRequestCount()).isLessThanOrEqualTo(40);
    assertThat(clock.sleeps().get(0)).isEqualTo(Duration.ofMillis(1600));
    assertThat(clock.sleeps())
        .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(20)));
  }

  @Test
  void waitForMachineState_transientErrors_areToleratedAndRetryAfterIsHonoured() {
    answerInOrder(
        error(503, "ServiceUnavailable", "busy"),
        new MockResponse.Builder(error(429, "RequestThrottled", "slow down"))
            .setHeader("Retry-After", "45")
            .build(),
        new MockResponse.Builder().code(200).body("<html>proxy</html>").build(),
        machine("running"));

    Machine machine =
        client().waitForMachineState(MACHINE_ID, MachineState.RUNNING, Duration.ofMinutes(10));

    assertThat(machine.state()).isEqualTo(MachineState.RUNNING);
    // One request per poll: the waiter, not the HTTP layer, owns retries while waiting.
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(clock.sleeps()).hasSize(3);
    assertThat(clock.sleeps().get(1)).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void waitForMachineState_tooManyTransientErrorsInARow_endsWithTheLastError() {
    answer(elapsed -> error(503, "ServiceUnavailable", "down for maintenance"));

    TritonApiException e =
        catchThrowableOfType(
            TritonApiException.class,
            () ->
                client()
                    .waitForMachineState(MACHINE_ID, MachineState.RUNNING, Duration.ofHours(1)));

    assertThat(e.httpStatus()).isEqualTo(503);
    assertThat(server.getRequestCount()).isEqualTo(Waiter.DEFAULT_MAX_CONSECUTIVE_ERRORS + 1);
  }

  @Test
  void waitForMachineState_notFoundWhileWaitingToRun_endsAtOnce() {
    answer(elapsed -> error(404, "ResourceNotFound", "VM not found"));

    TritonApiException e =
        catchThrowableOfType(
            TritonApiException.class,
            () ->
                client()
                    .waitForMachineState(MACHINE_ID, MachineState.RUNNING, Duration.ofHours(1)));

    assertThat(e.isNotFound()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void waitForMachineState_failed_endsAtOnceSayingWhatToDo() {
    answerInOrder(machine("provisioning"), machine("failed"), machine("running"));

    ResourceFailedException e =
        catchThrowableOfType(
            ResourceFailedException.class,
            () ->
                client()
                    .waitForMachineState(MACHINE_ID, MachineState.RUNNING, Duration.ofHours(1)));

    assertThat(e)
        .hasMessage(
            "machine "
                + MACHINE_ID
                + " (build-1) reached state failed while waiting for [running]: provisioning"
                + " failed, so delete it and check the image, package and networks it was created"
                + " with");
    assertThat(e.resource()).isEqualTo("machine");
    assertThat(e.state()).isEqualTo("failed");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void waitForMachineState_goneWhileWaitingToRun_endsAtOnce() {
    answerInOrder(machine("provisioning"), json(410, Samples.machine(MACHINE_ID, "deleted")));

    ResourceFailedException e =
        catchThrowableOfType(
            ResourceFailedException.class,
            () ->
                client()
                    .waitForMachineState(MACHINE_ID, MachineState.RUNNING, Duration.ofHours(1)));

    assertThat(e).hasMessageContaining("was deleted while waiting for it to reach [running]");
    assertThat(e.state()).isEqualTo("deleted");
  }

  @Test
  void waitForMachineState_deletedThrough410_isReachedEvenPastFailed() {
    answerInOrder(machine("failed"), machine("failed"), empty(410));

    Machine machine =
        client().waitForMachineState(MACHINE_ID, MachineState.DELETED, Duration.ofMinutes(10));

    assertThat(machine.state()).isEqualTo(MachineState.DELETED);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void waitForMachineState_deletedThrough404_isReached() {
    answerInOrder(machine("stopping"), error(404, "ResourceNotFound", "VM not found"));

    Machine machine =
        client().waitForMachineState(MACHINE_ID, MachineState.DELETED, Duration.ofMinutes(10));

    assertThat(machine.state()).isEqualTo(MachineState.DELETED);
    assertThat(machine.id()).isEqualTo(MACHINE_ID);
  }

  @Test
  void waitForMachineState_severalWanted_endsOnAny() {
    answerInOrder(machine("running"), machine("stopping"), machine("stopped"));

    Machine machine =
        client()
            .waitForMachineState(
                MACHINE_ID, Set.of(MachineState.STOPPED, MachineState.FAILED), Duration.ofHours(1));

    assertThat(machine.state()).isEqualTo(MachineState.STOPPED);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void waitForImageState_creatingThenActive_returnsTheActiveImage() throws Exception {
    answerInOrder(image("creating"), image("creating"), image("active"));

    Image image = client().waitForImageState(NEW_IMAGE_ID, ImageState.ACTIVE, Duration.ofHours(1));

    assertThat(image.state()).isEqualTo(ImageState.ACTIVE);
    assertThat(clock.sleeps()).hasSize(2);
    CloudApiTestSupport.assertRequest(
        server.takeRequest(0, TimeUnit.SECONDS), "GET", "/alice/images/" + NEW_IMAGE_ID);
  }

  @Test
  void waitForImageState_failed_endsAtOnceWithTheErrorObject() {
    answerInOrder(image("creating"), json(200, Samples.failedImage(NEW_IMAGE_ID)), image("active"));

    ResourceFailedException e =
        catchThrowableOfType(
            ResourceFailedException.class,
            () -> client().waitForImageState(NEW_IMAGE_ID, ImageState.ACTIVE, Duration.ofHours(1)));

    assertThat(e)
        .hasMessage(
            "image "
                + NEW_IMAGE_ID
                + " (triton-origin-x86_64@24.4.1) failed while waiting for [active]:"
                + " PrepareImageDidNotRun: prepare-image script did not indicate it was run;"
                + " delete the failed image and make it again");
    assertThat(e.errorCode()).isEqualTo("PrepareImageDidNotRun");
    assertThat(e.errorMessage()).isEqualTo("prepare-image script did not indicate it was run");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void waitForImageState_deadline_namesTheLastStateSeen() {
    answer(elapsed -> image("creating"));

    WaitTimeoutException e =
        catchThrowableOfType(
            WaitTimeoutException.class,
            () ->
                client().waitForImageState(NEW_IMAGE_ID, ImageState.ACTIVE, Duration.ofMinutes(5)));

    assertThat(e.lastState()).isEqualTo("creating");
    assertThat(e.resource()).isEqualTo("image");
    assertThat(e.id()).isEqualTo(NEW_IMAGE_ID);
    assertThat(e).hasMessageEndingWith("to reach [active] (last seen: creating)");
    assertThat(clock.totalSlept()).isEqualTo(Duration.ofMinutes(5));
  }
}
