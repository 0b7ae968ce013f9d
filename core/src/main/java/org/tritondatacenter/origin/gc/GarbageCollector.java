package org.tritondatacenter.origin.gc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.build.BuildRecord;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.cloudapi.MachineState;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.state.RunRecord;
import org.tritondatacenter.origin.wait.Clock;

/**
 * Finds and removes what builds left behind: what the command line's {@code gc} does.
 *
 * <pre>{@code
 * GcReport report = GarbageCollector.builder(cloudApi).imgapi(updates)
 *     .runRecords(recordsOfLiveRuns).build().run(true);
 * }</pre>
 *
 * <p>Leftovers are found by tag: machines with the temporary-machine marker (ListMachines),
 * datacenter images {@code creating} or {@code failed} with a build tag (ListImages), and IMGAPI
 * images never activated with a build tag, in any channel. A build younger than the minimum age,
 * measured from the machine's {@code created} or the build id's time, is never touched, nor one
 * whose run record says it is still running. Deleting calls DeleteMachine and waits for 410 Gone,
 * DeleteImage on CloudAPI, and DeleteImage with {@code force_all_channels} on IMGAPI.
 */
public final class GarbageCollector {
  /** The minimum age of a build before its leftovers are deleted, by default. */
  public static final Duration DEFAULT_MIN_AGE = Duration.ofHours(6);

  private final CloudApiClient cloudApi;
  private final ImgapiClient imgapi;
  private final Duration minAge;
  private final Set<String> runningBuilds;
  private final Clock clock;
  private final Duration deleteTimeout;
  private final EventListener listener;

  private GarbageCollector(Builder b) {
    this.cloudApi = b.cloudApi;
    this.imgapi = b.imgapi;
    this.minAge = b.minAge;
    this.runningBuilds = Set.copyOf(b.runningBuilds);
    this.clock = b.clock;
    this.deleteTimeout = b.deleteTimeout;
    this.listener = b.listener;
  }

  /** Starts configuring a collection in the datacenter of {@code cloudApi}. */
  public static Builder builder(CloudApiClient cloudApi) {
    return new Builder(cloudApi);
  }

  /**
   * Lists the leftovers and, when {@code delete} is true, removes those old enough and not
   * protected. Removal goes on past individual failures, which the report lists.
   *
   * @throws TritonException when a listing fails; nothing was deleted then
   */
  public GcReport run(boolean delete) {
    List<Leftover> found = new ArrayList<>(LeftoverFinder.machines(cloudApi));
    found.addAll(LeftoverFinder.datacenterImages(cloudApi));
    if (imgapi != null) {
      found.addAll(LeftoverFinder.imgapiImages(imgapi));
    }
    Instant now = clock.now();
    List<GcReport.Kept> kept = new ArrayList<>();
    List<Leftover> removable = new ArrayList<>();
    for (Leftover leftover : found) {
      Optional<String> reason = keepReason(leftover, now);
      if (reason.isPresent()) {
        kept.add(new GcReport.Kept(leftover, reason.get()));
      } else {
        removable.add(leftover);
      }
    }
    List<Leftover> deleted = new ArrayList<>();
    List<GcReport.Failed> failed = new ArrayList<>();
    if (delete) {
      for (Leftover leftover : removable) {
        try {
          remove(leftover);
          deleted.add(leftover);
          listener.on(
              new Event.Cleanup("delete " + leftover.kind(), leftover.describe(), true, null));
        } catch (TritonException e) {
          failed.add(new GcReport.Failed(leftover, e.getMessage()));
          listener.on(
              new Event.Cleanup(
                  "delete " + leftover.kind(), leftover.describe(), false, e.getMessage()));
        }
      }
    }
    return new GcReport(delete, found, deleted, kept, failed);
  }

  private Optional<String> keepReason(Leftover leftover, Instant now) {
    if (leftover.buildId() != null && runningBuilds.contains(leftover.buildId())) {
      return Optional.of("build " + leftover.buildId() + " is still running, says its run record");
    }
    if (leftover.created() == null) {
      return Optional.of(
          "its age is unknown: it has no creation time and no build id; delete it by hand if it"
              + " is no longer needed");
    }
    Duration age = Duration.between(leftover.created(), now);
    if (age.compareTo(minAge) < 0) {
      return Optional.of(
          "younger than "
              + describe(minAge)
              + " (made "
              + leftover.created()
              + "): its build may still be running");
    }
    return Optional.empty();
  }

  private void remove(Leftover leftover) {
    switch (leftover.kind()) {
      case MACHINE -> {
        cloudApi.deleteMachine(leftover.id());
        cloudApi.waitForMachineState(leftover.id(), MachineState.DELETED, deleteTimeout);
      }
      case DATACENTER_IMAGE -> cloudApi.deleteImage(leftover.id());
      case IMGAPI_IMAGE -> {
        // DeleteImage finds the image in one channel; force_all_channels then removes it for good.
        List<String> channels = imgapi.getImage(leftover.id(), "*").channels();
        try {
          imgapi.deleteImage(leftover.id(), channels.isEmpty() ? null : channels.get(0), true);
        } catch (TritonApiException e) {
          if (!e.isNotFound()) {
            throw e;
          }
        }
      }
    }
  }

  private static String describe(Duration d) {
    return d.toMinutes() % 60 == 0 ? d.toHours() + "h" : d.toMinutes() + "min";
  }

  /** Returns the build ids that {@code records} (run records as JSON) say are running. */
  static Set<String> running(Collection<String> records, EventListener listener) {
    Set<String> ids = new LinkedHashSet<>();
    for (String json : records) {
      try {
        RunRecord.parse(json, "a run record given to gc")
            .section(BuildRecord.SECTION, BuildRecord.class)
            .filter(r -> r.status() == BuildRecord.Status.RUNNING)
            .ifPresent(r -> ids.add(r.buildId()));
      } catch (TritonException e) {
        listener.on(new Event.Warning("gc ignores a run record: " + e.getMessage()));
      }
    }
    return ids;
  }

  /** Configures a {@link GarbageCollector}. */
  public static final class Builder {
    private final CloudApiClient cloudApi;
    private ImgapiClient imgapi;
    private Duration minAge = DEFAULT_MIN_AGE;
    private Collection<String> records = List.of();
    private Set<String> runningBuilds = Set.of();
    private Clock clock = Clock.system();
    private Duration deleteTimeout = Duration.ofMinutes(10);
    private EventListener listener = EventListener.NONE;

    private Builder(CloudApiClient cloudApi) {
      this.cloudApi = Objects.requireNonNull(cloudApi, "cloudApi == null");
    }

    /** Also looks for unactivated images on this IMGAPI, in every channel. */
    public Builder imgapi(ImgapiClient imgapi) {
      this.imgapi = Objects.requireNonNull(imgapi, "imgapi == null");
      return this;
    }

    /** Sets how old a build must be before its leftovers are deleted; 6 hours by default. */
    public Builder minAge(Duration minAge) {
      Objects.requireNonNull(minAge, "minAge == null");
      if (minAge.isNegative()) {
        throw new IllegalArgumentException("minAge must not be negative: " + minAge);
      }
      this.minAge = minAge;
      return this;
    }

    /**
     * Gives the run records (as JSON) of runs that may be live, such as the command line's state
     * files; a build whose record says it is running is never touched.
     */
    public Builder runRecords(Collection<String> records) {
      this.records = List.copyOf(records);
      return this;
    }

    /** Sets the clock ages are measured on. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Sets how long to wait for each deleted machine to be gone; 10 minutes by default. */
    public Builder deleteTimeout(Duration timeout) {
      this.deleteTimeout = Objects.requireNonNull(timeout, "timeout == null");
      return this;
    }

    public Builder listener(EventListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    public GarbageCollector build() {
      runningBuilds = running(records, listener);
      return new GarbageCollector(this);
    }
  }
}
