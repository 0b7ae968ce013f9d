package org.tritondatacenter.origin.reliability;

import java.time.Duration;
import java.util.List;
import org.tritondatacenter.origin.build.BuildOperation;
import org.tritondatacenter.origin.build.BuildRecord;
import org.tritondatacenter.origin.build.BuildRequest;
import org.tritondatacenter.origin.build.ImageRecord;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.gc.GarbageCollector;
import org.tritondatacenter.origin.gc.GcReport;
import org.tritondatacenter.origin.images.BuildStamp;
import org.tritondatacenter.origin.images.ImagesJsonReader;
import org.tritondatacenter.origin.state.RecordKeeper;
import org.tritondatacenter.origin.state.RunRecord;
import org.tritondatacenter.origin.state.RunRecordStore;
import org.tritondatacenter.origin.wait.ScaledClock;

/**
 * The build operation on a {@link Rig} of a local Triton seeded by {@link Seeds}: waits on a scaled
 * clock the local Triton shares, so simulated minutes pass in milliseconds.
 */
final class Builds {
  /** How much faster than real time the simulated datacenter runs. */
  static final long SPEED = 1000;

  static final BuildStamp STAMP =
      BuildStamp.of("master", "20260101T120000Z", "0123456789abcdef0123456789abcdef01234567");

  private Builds() {}

  /**
   * Returns a request to build {@link Seeds#IMAGE} with a day's deadline: at this speed a real
   * second is a simulated quarter hour, so a busy machine's pause must not end a build.
   */
  static BuildRequest.Builder request() {
    return BuildRequest.builder(
            ImagesJsonReader.strict().parse("images.json", Seeds.IMAGES_JSON), STAMP)
        .timeout(Duration.ofHours(24));
  }

  /** Returns a build on the rig's clients, recorded in {@code store}, reporting to its events. */
  static BuildOperation.Builder operation(Rig rig, ScaledClock clock, RunRecordStore store) {
    return BuildOperation.builder(rig.cloudApi(), new RecordKeeper(store, "the test record"))
        .time(clock, clock)
        .cleanupTimeout(Duration.ofHours(24))
        .listener(rig.events);
  }

  /** Returns the build section of the record saved in {@code store}. */
  static BuildRecord record(RunRecordStore store) {
    return RunRecord.parse(store.load().orElseThrow(), "the test record")
        .section(BuildRecord.SECTION, BuildRecord.class)
        .orElseThrow();
  }

  /** Returns the record of {@link Seeds#IMAGE} in {@code store}. */
  static ImageRecord image(RunRecordStore store) {
    return record(store).image(Seeds.IMAGE).orElseThrow();
  }

  /** Returns the names of the tasks that finished unsuccessfully, in order. */
  static List<String> failedPhases(Events events) {
    return events.of(Event.PhaseFinished.class).stream()
        .filter(p -> !p.ok())
        .map(Event.PhaseFinished::phase)
        .toList();
  }

  /** Removes every leftover of every build at once, whatever its age, as an operator would. */
  static GcReport collectGarbage(Rig rig, ScaledClock clock) {
    return GarbageCollector.builder(rig.cloudApi())
        .clock(clock)
        .minAge(Duration.ZERO)
        .listener(rig.events)
        .build()
        .run(true);
  }
}
