package org.tritondatacenter.origin.build;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.images.BuildIds;
import org.tritondatacenter.origin.images.BuildStamp;
import org.tritondatacenter.origin.images.ImageSpec;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.preflight.Plan;
import org.tritondatacenter.origin.preflight.PlannedImage;
import org.tritondatacenter.origin.preflight.Preflight;
import org.tritondatacenter.origin.state.RecordKeeper;
import org.tritondatacenter.origin.steps.BuildResult;
import org.tritondatacenter.origin.wait.Clock;
import org.tritondatacenter.origin.wait.Sleeper;
import org.tritondatacenter.origin.wait.Waiter;

/**
 * Builds the images of an images file through CloudAPI: what {@code tritonOriginBuild} does.
 *
 * <pre>{@code
 * BuildResult built = BuildOperation.builder(cloudApi, new RecordKeeper(store, "state.json"))
 *     .publishTarget(updates, "dev")
 *     .time(config.clock(), config.sleeper())
 *     .listener(listener)
 *     .build()
 *     .run(BuildRequest.builder(imagesFile, stamp).build());
 * }</pre>
 *
 * <p>Preflight runs first, so bad input fails before any machine exists. Each image then builds in
 * its own temporary machine (CreateMachine, the build script, StopMachine, CreateImageFromMachine),
 * up to {@code concurrency} at once, and the machine is deleted afterwards. Every change is saved
 * in the record's {@code build} section; run again with the same record, the operation adopts the
 * machines and images the earlier run made, skips finished images, keeps the build id and stamp,
 * and once finished returns the saved result.
 */
public final class BuildOperation {
  /** How long each image's cleanup may take by default, machine deletion included. */
  public static final Duration DEFAULT_CLEANUP_TIMEOUT = Duration.ofMinutes(10);

  private final CloudApiClient cloudApi;
  private final RecordKeeper keeper;
  private final ImgapiClient imgapi;
  private final String channel;
  private final Clock clock;
  private final Sleeper sleeper;
  private final EventListener listener;
  private final Duration cleanupTimeout;

  private BuildOperation(Builder b) {
    this.cloudApi = b.cloudApi;
    this.keeper = b.keeper;
    this.imgapi = b.imgapi;
    this.channel = b.channel;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.listener = b.listener;
    this.cleanupTimeout = b.cleanupTimeout;
  }

  /**
   * Starts configuring a build in the datacenter of {@code cloudApi}, recorded by {@code keeper}.
   */
  public static Builder builder(CloudApiClient cloudApi, RecordKeeper keeper) {
    return new Builder(cloudApi, keeper);
  }

  /**
   * Builds the images, or finishes an interrupted build of them, and returns the step's result.
   *
   * @throws org.tritondatacenter.origin.preflight.PreflightException when a check fails, before
   *     anything was created
   * @throws org.tritondatacenter.origin.BuildFailedException naming every image that failed and
   *     what cleanup left behind; the others finished
   * @throws org.tritondatacenter.origin.OperationInterruptedException when the thread was
   *     interrupted; every image cleaned up first
   * @throws org.tritondatacenter.origin.TritonException when images.json changed since the record
   *     was written, or the images file does not define an image {@code only} names
   */
  public BuildResult run(BuildRequest request) {
    Objects.requireNonNull(request, "request == null");
    Optional<BuildRecord> saved = keeper.section(BuildRecord.SECTION, BuildRecord.class);
    if (saved.isPresent()
        && saved.get().status() == BuildRecord.Status.DONE
        && saved.get().result() != null) {
      listener.on(
          new Event.Info(
              "build " + saved.get().buildId() + " already finished; returning its result"));
      return BuildResult.fromMap(saved.get().result());
    }
    List<ImageSpec> selected = request.images().select(request.only());
    // A re-run keeps the build id, stamp and version: machines and images are tagged with them.
    BuildStamp stamp =
        saved
            .map(r -> new BuildStamp(r.branch(), r.timestamp(), r.gitCommit()))
            .orElse(request.stamp());
    String version = saved.map(BuildRecord::version).orElse(request.effectiveVersion());
    String buildId = saved.map(BuildRecord::buildId).orElseGet(() -> BuildIds.next(clock.now()));

    Preflight.Builder preflight = Preflight.builder(cloudApi).listener(listener).clock(clock);
    if (imgapi != null) {
      preflight.publishTarget(imgapi, channel);
    }
    Plan plan =
        preflight
            .build()
            .check(selected, version, request.force(), request.allowKnownBrokenOrigins());

    BuildRecord record =
        BuildRecords.merge(saved.orElse(null), plan, buildId, stamp, version)
            .withStatus(BuildRecord.Status.RUNNING);
    BuildProgress progress = new BuildProgress(keeper, record);
    listener.on(
        new Event.Info(
            (saved.isPresent() ? "continuing build " : "starting build ")
                + buildId
                + ": "
                + plan.toBuild().size()
                + " to build, "
                + plan.skipped().size()
                + " skipped, version "
                + version));

    BuildContext context =
        new BuildContext(
            cloudApi,
            clock,
            Waiter.create(clock, sleeper, listener),
            listener,
            buildId,
            stamp,
            version,
            request.keepOnFailure(),
            request.timeout(),
            cleanupTimeout,
            progress);
    List<ImageJob> jobs = new ArrayList<>();
    for (PlannedImage image : plan.images()) {
      if (!progress.image(image.name()).finished()) {
        jobs.add(new ImageJob(context, image, indexOf(request, image)));
      }
    }
    if (!jobs.isEmpty()) {
      int concurrency =
          request.concurrency() != null
              ? request.concurrency()
              : Math.min(jobs.size(), BuildRequest.DEFAULT_MAX_CONCURRENCY);
      ParallelBuilds.Result result = ParallelBuilds.run(jobs, Math.min(concurrency, jobs.size()));
      BuildOutcomes.throwIfFailed(result, progress, buildId);
    }
    BuildResult built = BuildRecords.result(progress.current(), plan);
    progress.finish(built.toMap());
    listener.on(new Event.Info("build " + buildId + " finished"));
    return built;
  }

  private static int indexOf(BuildRequest request, PlannedImage image) {
    return request.images().imageNames().indexOf(image.name()) + 1;
  }

  /** Configures a {@link BuildOperation}. */
  public static final class Builder {
    private final CloudApiClient cloudApi;
    private final RecordKeeper keeper;
    private ImgapiClient imgapi;
    private String channel;
    private Clock clock = Clock.system();
    private Sleeper sleeper = Sleeper.system();
    private EventListener listener = EventListener.NONE;
    private Duration cleanupTimeout = DEFAULT_CLEANUP_TIMEOUT;

    private Builder(CloudApiClient cloudApi, RecordKeeper keeper) {
      this.cloudApi = Objects.requireNonNull(cloudApi, "cloudApi == null");
      this.keeper = Objects.requireNonNull(keeper, "keeper == null");
    }

    /**
     * Sets the IMGAPI and channel the images will be published to (channel null for the server's
     * default): preflight checks the origins there, and an image whose spec is already published in
     * that channel is skipped unless the request forces it.
     */
    public Builder publishTarget(ImgapiClient imgapi, String channel) {
      this.imgapi = Objects.requireNonNull(imgapi, "imgapi == null");
      this.channel = channel;
      return this;
    }

    /** Sets the clock and sleeper of every wait and deadline; the clients' waits use their own. */
    public Builder time(Clock clock, Sleeper sleeper) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    public Builder listener(EventListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * Sets how long each image's cleanup may take, machine deletion included; 10 minutes by
     * default. It runs after the image's deadline, so an adapter that must end within a grace
     * period (Jenkins gives an aborted step a minute) may shorten it.
     */
    public Builder cleanupTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("cleanup timeout must be positive, was " + timeout);
      }
      this.cleanupTimeout = timeout;
      return this;
    }

    public BuildOperation build() {
      return new BuildOperation(this);
    }
  }
}
