package org.tritondatacenter.origin.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.WaitTimeoutException;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.cloudapi.CreateImageRequest;
import org.tritondatacenter.origin.cloudapi.CreateMachineRequest;
import org.tritondatacenter.origin.cloudapi.Image;
import org.tritondatacenter.origin.cloudapi.ImageState;
import org.tritondatacenter.origin.cloudapi.Machine;
import org.tritondatacenter.origin.cloudapi.MachineFilter;
import org.tritondatacenter.origin.cloudapi.MachineState;
import org.tritondatacenter.origin.cloudapi.ResourceFailedException;
import org.tritondatacenter.origin.testkit.cloudapi.guest.GuestBehaviour;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ManualClock;

/** What the CloudAPI client reports when the server or the machine says no. */
class CloudApiFailureTest {
  private static final ManualClock CLOCK = new ManualClock();

  @RegisterExtension
  static final LocalTritonExtension triton =
      LocalTritonExtension.withOptions(TritonClients.options(CLOCK).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(triton);

  private TritonClients clients;
  private CloudApiClient cloud;
  private Machines machines;

  @BeforeEach
  void connect() {
    clients = new TritonClients(triton.triton(), CLOCK);
    cloud = clients.cloudApi();
    machines = new Machines(cloud);
  }

  @Test
  void getImage_unknownId_throwsResourceNotFound() {
    String unknown = UUID.randomUUID().toString();

    TritonApiException e =
        catchThrowableOfType(TritonApiException.class, () -> cloud.getImage(unknown));

    secrets.record(e);
    assertThat(e.httpStatus()).isEqualTo(404);
    assertThat(e.hasCode("ResourceNotFound")).isTrue();
    assertThat(e.isNotFound()).isTrue();
    assertThat(e.requestId()).isNotBlank();
  }

  @Test
  void createMachine_unknownImage_throwsResourceNotFoundAndCreatesNothing() {
    CreateMachineRequest request =
        CreateMachineRequest.builder(UUID.randomUUID().toString(), machines.packageId())
            .name("it-no-image")
            .build();

    TritonApiException e =
        catchThrowableOfType(TritonApiException.class, () -> cloud.createMachine(request));

    secrets.record(e);
    assertThat(e.hasCode("ResourceNotFound")).isTrue();
    assertThat(e.getMessage()).contains(request.image());
    assertThat(cloud.listMachines(MachineFilter.none())).isEmpty();
  }

  @Test
  void getMachine_unknownId_throwsNotFoundRatherThanGone() {
    TritonApiException e =
        catchThrowableOfType(
            TritonApiException.class, () -> cloud.getMachine(UUID.randomUUID().toString()));

    assertThat(e.isNotFound()).isTrue();
    assertThat(e.isGone()).isFalse();
  }

  @Test
  void waitForImageState_creationFails_throwsAtOnceWithTheImageError() {
    Machine machine = machines.stopped(machines.request("it-failing-image").build());
    clients
        .triton
        .cloud()
        .failNextImageCreation("PrepareImageDidNotRun", "prepare-image never ran");
    String imageId =
        cloud
            .createImageFromMachine(
                CreateImageRequest.builder(machine.id(), "it-failing", "1.0.0").build())
            .image()
            .id();

    ResourceFailedException e =
        catchThrowableOfType(
            ResourceFailedException.class,
            () -> cloud.waitForImageState(imageId, ImageState.ACTIVE, Duration.ofHours(1)));

    secrets.record(e);
    assertThat(e.resource()).isEqualTo("image");
    assertThat(e.id()).isEqualTo(imageId);
    assertThat(e.state()).isEqualTo("failed");
    assertThat(e.errorCode()).isEqualTo("PrepareImageDidNotRun");
    assertThat(e.errorMessage()).isEqualTo("prepare-image never ran");
    assertThat(e.getMessage())
        .contains(imageId, "PrepareImageDidNotRun", "prepare-image never ran");
    Image failed = cloud.getImage(imageId);
    assertThat(failed.state()).isEqualTo(ImageState.FAILED);
    assertThat(failed.error().code()).isEqualTo("PrepareImageDidNotRun");
    machines.destroy(machine.id());
  }

  @Test
  void waitForMachineState_machineCrashesAtBoot_throwsFailed() {
    clients.triton.cloud().guest().behaveForNext(1, GuestBehaviour.crash());
    Machine created = cloud.createMachine(machines.request("it-crash").build());

    ResourceFailedException e =
        catchThrowableOfType(
            ResourceFailedException.class,
            () -> cloud.waitForMachineState(created.id(), MachineState.RUNNING, Machines.WAIT));

    secrets.record(e);
    assertThat(e.resource()).isEqualTo("machine");
    assertThat(e.id()).isEqualTo(created.id());
    assertThat(e.state()).isEqualTo("failed");
    assertThat(cloud.getMachine(created.id()).state()).isEqualTo(MachineState.FAILED);
    machines.destroy(created.id());
  }

  @Test
  void waitForMachineState_tenMinuteDeadline_timesOutNamingTheLastStateWithFewPolls() {
    Machine machine = machines.running(machines.request("it-never-stops").build());
    int before = clients.triton.requests().count("GetMachine");

    WaitTimeoutException e =
        catchThrowableOfType(
            WaitTimeoutException.class,
            () ->
                cloud.waitForMachineState(
                    machine.id(), MachineState.STOPPED, Duration.ofMinutes(10)));

    secrets.record(e);
    assertThat(e.lastState()).isEqualTo("running");
    assertThat(e.getMessage()).contains(machine.id(), "running");
    int polls = clients.triton.requests().count("GetMachine") - before;
    assertThat(polls).isBetween(10, 40);
    machines.destroy(machine.id());
  }

  @Test
  void waitForMachineState_interruptedDuringASlowPoll_endsWithinASecond() throws Exception {
    Machine machine = cloud.createMachine(machines.request("it-interrupted").build());
    CountDownLatch polling = new CountDownLatch(1);
    clients
        .triton
        .faults()
        .add(
            Fault.when(ServiceKind.CLOUDAPI, "GetMachine")
                .matching(
                    exchange -> {
                      polling.countDown();
                      return true;
                    })
                // Real time: long enough that only a cancelled call ends within the second allowed.
                .delay(Duration.ofSeconds(3))
                .times(1));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean flagKept = new AtomicBoolean();
    Thread waiter =
        new Thread(
            () -> {
              try {
                cloud.waitForMachineState(machine.id(), MachineState.RUNNING, Machines.WAIT);
              } catch (Throwable t) {
                thrown.set(t);
                flagKept.set(Thread.currentThread().isInterrupted());
              }
            });
    waiter.start();
    assertThat(polling.await(10, TimeUnit.SECONDS)).isTrue();

    long start = System.nanoTime();
    waiter.interrupt();
    waiter.join(5000);

    assertThat(waiter.isAlive()).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(thrown.get()).isInstanceOf(OperationInterruptedException.class);
    assertThat(flagKept.get()).as("interrupt flag kept").isTrue();
    secrets.record(thrown.get());
    machines.destroy(machine.id());
  }
}
