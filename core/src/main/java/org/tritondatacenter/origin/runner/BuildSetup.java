package org.tritondatacenter.origin.runner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.tritondatacenter.origin.KeyException;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.build.BuildRequest;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.images.BuildStamp;
import org.tritondatacenter.origin.images.ImagesFile;
import org.tritondatacenter.origin.images.ImagesJsonReader;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.preflight.PreflightException;
import org.tritondatacenter.origin.steps.StepArguments;

/**
 * Turns {@code tritonOriginBuild}'s arguments and the adapter's environment into a build request
 * and its clients: the images file, the stamp (arguments override the environment's defaults), the
 * CloudAPI endpoint and the optional publish target.
 *
 * @param request what to build
 * @param cloudApi the datacenter
 * @param imgapi the publish target, or null when neither {@code imgapi} nor {@code channel} was
 *     given
 * @param channel the publish channel, or null for the server's default
 */
record BuildSetup(
    BuildRequest request, CloudApiClient cloudApi, ImgapiClient imgapi, String channel) {

  static BuildSetup from(StepArguments args, StepEnvironment env) {
    boolean allowBroken = args.bool("allowKnownBrokenOrigin");
    // The adapter read the file for core, and says under which name its problems belong.
    ImagesFile images = reader(allowBroken).parse(env.imagesSource(), imagesJson(args, env));
    BuildStamp stamp = stamp(args, env);
    BuildRequest request =
        BuildRequest.builder(images, stamp)
            .only(args.list("only"))
            .force(args.bool("force"))
            .allowKnownBrokenOrigins(allowBroken)
            .version(args.optionalString("version").orElse(null))
            .concurrency(args.optionalInteger("concurrency").orElse(null))
            .keepOnFailure(args.bool("keepOnFailure"))
            .timeout(Duration.ofMinutes(args.integer("timeoutMinutes")))
            .build();
    // Reject images 'only' does not name before any endpoint is resolved.
    images.select(request.only());

    List<String> problems = new ArrayList<>();
    List<Throwable> causes = new ArrayList<>();
    ResolvedEndpoint cloud =
        env.endpoints().resolve(Service.CLOUDAPI, args.optionalString("cloudapi").orElse(null));
    CloudApiClient cloudApi =
        client(cloud, () -> Clients.cloudApi(cloud, env.httpConfig()), problems, causes);
    ImgapiClient imgapi = null;
    String channel = null;
    if (args.has("imgapi") || args.has("channel")) {
      // 'channel' alone means a channel of the default IMGAPI.
      ResolvedEndpoint target =
          env.endpoints().resolve(Service.IMGAPI, args.optionalString("imgapi").orElse(null));
      imgapi = client(target, () -> Clients.imgapi(target, env.httpConfig()), problems, causes);
      channel = args.optionalString("channel").orElse(target.defaultChannel());
    }
    if (!problems.isEmpty()) {
      // The signer refuses a key type the service does not accept before anything is sent.
      throw new PreflightException(problems, causes.get(0));
    }
    return new BuildSetup(request, cloudApi, imgapi, channel);
  }

  /** Returns the strict reader, accepting known-broken origins only when asked to. */
  static ImagesJsonReader reader(boolean allowKnownBrokenOrigin) {
    ImagesJsonReader strict = ImagesJsonReader.strict();
    return allowKnownBrokenOrigin ? strict.allowingKnownBrokenOrigins() : strict;
  }

  private static String imagesJson(StepArguments args, StepEnvironment env) {
    return args.optionalString("imagesJson")
        .orElseThrow(
            () ->
                new TritonException(
                    "tritonOriginBuild needs the images file's text in 'imagesJson': the adapter"
                        + " reads the file 'images' names ("
                        + args.optionalString("images").orElse(env.imagesSource())
                        + ") and passes its text"));
  }

  private static BuildStamp stamp(StepArguments args, StepEnvironment env) {
    String branch = args.optionalString("branch").orElse(env.branch());
    String timestamp =
        args.optionalString("timestamp")
            .orElse(env.timestamp() == null ? null : BuildStamp.formatTimestamp(env.timestamp()));
    String commit = args.optionalString("gitCommit").orElse(env.gitCommit());
    List<String> missing = new ArrayList<>();
    if (branch == null) {
      missing.add("'branch' (Jenkins sets BRANCH_NAME; the command line reads the git branch)");
    }
    if (timestamp == null) {
      missing.add("'timestamp' (the build's start time, YYYYMMDDTHHMMSSZ)");
    }
    if (commit == null) {
      missing.add("'gitCommit' (Jenkins sets GIT_COMMIT; the command line reads git HEAD)");
    }
    if (!missing.isEmpty()) {
      throw new TritonException(
          "tritonOriginBuild: "
              + String.join(", ", missing)
              + (missing.size() == 1 ? " is" : " are")
              + " not given and the environment has no value; pass "
              + (missing.size() == 1 ? "it" : "them")
              + " as parameters, or run in a git checkout");
    }
    return BuildStamp.of(branch, timestamp, commit);
  }

  private interface ClientMaker<T> {
    T make();
  }

  private static <T> T client(
      ResolvedEndpoint endpoint,
      ClientMaker<T> maker,
      List<String> problems,
      List<Throwable> causes) {
    try {
      return maker.make();
    } catch (KeyException | IllegalArgumentException e) {
      problems.add(
          endpoint.service()
              + " endpoint '"
              + endpoint.name()
              + "' ("
              + endpoint.url()
              + "): "
              + e.getMessage());
      causes.add(e);
      return null;
    }
  }
}
