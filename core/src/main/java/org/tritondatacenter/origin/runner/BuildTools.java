package org.tritondatacenter.origin.runner;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.gc.GarbageCollector;
import org.tritondatacenter.origin.gc.GcReport;
import org.tritondatacenter.origin.preflight.Plan;
import org.tritondatacenter.origin.preflight.Preflight;
import org.tritondatacenter.origin.steps.Step;
import org.tritondatacenter.origin.steps.StepArguments;

/**
 * Runs the build's companions that are not pipeline steps, for the command line: {@code plan}, the
 * build's preflight without building, and {@code gc}, which removes what builds left behind.
 */
public final class BuildTools {
  private BuildTools() {}

  /**
   * Validates {@code tritonOriginBuild} arguments, runs preflight and returns the plan. Nothing is
   * created and no record is written.
   *
   * @param arguments the build step's arguments, as for {@link StepRunner#run}
   * @throws org.tritondatacenter.origin.steps.StepArgumentException listing every bad argument
   * @throws org.tritondatacenter.origin.preflight.PreflightException listing every failed check
   * @throws org.tritondatacenter.origin.TritonException for a bad images.json or a missing stamp
   */
  public static Plan plan(Map<String, ?> arguments, StepEnvironment environment) {
    Objects.requireNonNull(environment, "environment == null");
    StepArguments args = Step.TRITON_ORIGIN_BUILD.validate(arguments);
    BuildSetup setup = BuildSetup.from(args, environment);
    Preflight.Builder preflight =
        Preflight.builder(setup.cloudApi())
            .listener(environment.listener())
            .clock(environment.httpConfig().clock());
    if (setup.imgapi() != null) {
      preflight.publishTarget(setup.imgapi(), setup.channel());
    }
    return preflight
        .build()
        .check(
            setup.request().images().select(setup.request().only()),
            setup.request().effectiveVersion(),
            setup.request().force(),
            setup.request().allowKnownBrokenOrigins());
  }

  /**
   * Finds the leftovers of builds and, when asked, removes them.
   *
   * @throws org.tritondatacenter.origin.TritonException when an endpoint cannot be resolved or a
   *     listing fails
   */
  public static GcReport gc(GcOptions options, StepEnvironment environment) {
    Objects.requireNonNull(options, "options == null");
    Objects.requireNonNull(environment, "environment == null");
    ResolvedEndpoint cloud = environment.endpoints().resolve(Service.CLOUDAPI, options.cloudapi());
    GarbageCollector.Builder gc =
        GarbageCollector.builder(Clients.cloudApi(cloud, environment.httpConfig()))
            .minAge(options.minAge())
            .runRecords(options.runRecords())
            .clock(environment.httpConfig().clock())
            .listener(environment.listener());
    if (options.includeImgapi()) {
      ResolvedEndpoint imgapi = environment.endpoints().resolve(Service.IMGAPI, options.imgapi());
      gc.imgapi(Clients.imgapi(imgapi, environment.httpConfig()));
    }
    return gc.build().run(options.delete());
  }

  /**
   * What {@code gc} looks at and does.
   *
   * @param cloudapi the CloudAPI endpoint name, or null for the default
   * @param includeImgapi whether to look for unactivated images on an IMGAPI too
   * @param imgapi the IMGAPI endpoint name, or null for the default
   * @param minAge how old a build must be before its leftovers are deleted
   * @param runRecords run records (as JSON) of runs that may be live; their running builds are left
   *     alone
   * @param delete true to delete, false to list only
   */
  public record GcOptions(
      String cloudapi,
      boolean includeImgapi,
      String imgapi,
      Duration minAge,
      List<String> runRecords,
      boolean delete) {

    /** Applies the defaults: six hours, no records. */
    public GcOptions {
      minAge = minAge == null ? GarbageCollector.DEFAULT_MIN_AGE : minAge;
      runRecords = runRecords == null ? List.of() : List.copyOf(runRecords);
    }

    /** Returns the options that list the leftovers of the default endpoints without deleting. */
    public static GcOptions listing() {
      return new GcOptions(null, true, null, null, List.of(), false);
    }

    /** Returns a copy that deletes, or only lists. */
    public GcOptions withDelete(boolean doDelete) {
      return new GcOptions(cloudapi, includeImgapi, imgapi, minAge, runRecords, doDelete);
    }
  }
}
