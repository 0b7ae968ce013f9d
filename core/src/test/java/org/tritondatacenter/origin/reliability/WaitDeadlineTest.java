package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tritondatacenter.origin.BuildFailedException;
import org.tritondatacenter.origin.WaitTimeoutException;
import org.tritondatacenter.origin.build.BuildRecord;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.state.RunRecord;
import org.tritondatacenter.origin.state.RunRecordStore;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.SimulatedTimings;
import org.tritondatacenter.origin.testkit.cloudapi.guest.GuestBehaviour;
import org.tritondatacenter.origin.testkit.http.RequestRecord;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

/**
 * R19: a wait that outlasts the image's deadline (a machine that never runs, a build script that
 * hangs, an image that takes too long) ends in a timeout naming the last state; the machine's id
 * was saved right after CreateMachine, before any wait, so cleanup deletes it and confirms it gone
 * (410) within the cleanup deadline.
 */
class WaitDeadlineTest {
  /** Faster than the other build tests: each case waits out a half-hour deadline. */
  private static final ScaledClock CLOCK = ScaledClock.create(3 * Builds.SPEED);

  private static final Duration DEADLINE = Duration.ofMinutes(30);
  private static final Duration THREE_HOURS = Duration.ofHours(3);
  private static final SimulatedTimings T = SimulatedTimings.DEFAULT;

  @RegisterExtension
  static final LocalTritonExtension SLOW_PROVISION =
      LocalTritonExtension.withOptions(
          Seeds.options(CLOCK)
              .timings(
                  new SimulatedTimings(
                      THREE_HOURS, T.guestStep(), T.stop(), T.createImage(), T.delete()))
              .build());

  @RegisterExtension
  static final LocalTritonExtension SLOW_IMAGE =
      LocalTritonExtension.withOptions(
          Seeds.options(CLOCK)
              .timings(
                  new SimulatedTimings(
                      T.provision(), T.guestStep(), T.stop(), THREE_HOURS, T.delete()))
              .build());

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"wait for machine running", "wait for build script", "wait for image active"})
  void build_waitPastTheDeadline_timesOutAndDeletesTheSavedMachine(String phase) {
    LocalTriton triton =
        phase.equals("wait for machine running") ? SLOW_PROVISION.triton() : SLOW_IMAGE.triton();
    if (phase.equals("wait for build script")) {
      triton.cloud().guest().behave(GuestBehaviour.hangAt("install"));
    }
    Rig rig = Rig.on(triton, CLOCK, CLOCK);
    Saves saves = new Saves(triton);

    BuildFailedException e =
        catchThrowableOfType(
            BuildFailedException.class,
            () ->
                Builds.operation(rig, CLOCK, saves)
                    .cleanupTimeout(Duration.ofMinutes(10))
                    .build()
                    .run(Builds.request().timeout(DEADLINE).build()));

    assertThat(e.getMessage()).contains("failed at '" + phase + "'", "timed out");
    assertThat(e).hasRootCauseInstanceOf(WaitTimeoutException.class);
    assertThat(e.leftBehind()).isEmpty();
    Save first = saves.firstNaming("machineId");
    assertThat(first.getMachineCalls())
        .as("the machine id is saved before anything waits on the machine")
        .isZero();
    String machineId = (String) triton.cloud().machines().get(0).get("id");
    assertThat(first.json()).contains(machineId);
    List<RequestRecord> afterDelete =
        triton.requests().all().stream()
            .dropWhile(r -> !r.operation().equals("DeleteMachine"))
            .filter(r -> r.operation().equals("GetMachine"))
            .toList();
    assertThat(afterDelete)
        .as("deletion is confirmed by 410 Gone")
        .last()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(410);
            });
    assertThat(triton.cloud().undeletedMachines()).isEmpty();
    BuildRecord record = Builds.record(saves);
    assertThat(record.image(Seeds.IMAGE).orElseThrow().machineId()).isNull();
  }

  /** One save of the run record, and how many GetMachine calls the server had seen by then. */
  record Save(String json, int getMachineCalls) {}

  /** A store that keeps every save. */
  static final class Saves implements RunRecordStore {
    private final LocalTriton triton;
    private final MemoryRunRecordStore store = new MemoryRunRecordStore();
    private final List<Save> saves = new CopyOnWriteArrayList<>();

    Saves(LocalTriton triton) {
      this.triton = triton;
    }

    @Override
    public Optional<String> load() {
      return store.load();
    }

    @Override
    public void save(String json) {
      saves.add(new Save(json, triton.requests().count("GetMachine")));
      store.save(json);
    }

    /** Returns the first save whose image record has a non-null {@code field}. */
    Save firstNaming(String field) {
      return saves.stream()
          .filter(
              s ->
                  RunRecord.parse(s.json(), "save")
                      .section(BuildRecord.SECTION, BuildRecord.class)
                      .flatMap(r -> r.image(Seeds.IMAGE))
                      .map(i -> field.equals("machineId") && i.machineId() != null)
                      .orElse(false))
          .findFirst()
          .orElseThrow();
    }
  }
}
