package org.tritondatacenter.origin.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tritondatacenter.origin.cli.config.CliEndpoints;
import org.tritondatacenter.origin.steps.Step;
import picocli.CommandLine.Command;

/** {@code triton-origin publish}: publishes images to an IMGAPI server and channel. */
@Command(
    name = "publish",
    description = {
      "Publishes images to IMGAPI in a channel: import, add the file, activate. Re-running it"
          + " finishes an interrupted publish and reports images already published.",
      "The source is the export in the state file, unless --from, --manifest with --file, or"
          + " --source-imgapi-url with --uuids names another."
    })
final class PublishCommand extends OperationCommand {
  private static final List<String> SOURCES =
      List.of("from", "manifest", "file", "sourceImgapi", "uuids");

  @Override
  Step step() {
    return Step.IMGADM_PUBLISH;
  }

  @Override
  List<String> contractNames() {
    return List.of(
        "from",
        "manifest",
        "file",
        "sourceImgapi",
        "uuids",
        "imgapi",
        "channel",
        "fileSource",
        "makePublic");
  }

  @Override
  void describeOthers(ContractOptions contract) {
    contract.describe("export", "the export in the state file");
  }

  @Override
  public Integer call() {
    Map<String, Object> args = given();
    if (connection.hasSourceImgapi() && !args.containsKey("sourceImgapi")) {
      args.put("sourceImgapi", CliEndpoints.SOURCE);
    }
    for (String name : List.of("manifest", "file")) {
      if (args.get(name) instanceof String path && !path.startsWith("/")) {
        // A relative path is a file on disk; core gets it absolute, whatever its own directory.
        Path local = env().workingDir().resolve(path).normalize();
        if (Files.exists(local)) {
          args.put(name, local.toString());
        }
      }
    }
    boolean explicit = SOURCES.stream().anyMatch(args::containsKey);
    try (StateFile state = openState("publish");
        Session session = session(true)) {
      if (!explicit) {
        args.put(
            "export",
            state
                .result("export")
                .orElseThrow(
                    () ->
                        new UsageException(
                            "the state file "
                                + state.file()
                                + " holds no finished export to publish; run 'triton-origin"
                                + " export' first, or give --from, --manifest with --file, or"
                                + " --source-imgapi-url with --uuids")));
      }
      step().validate(args);
      String imgapi = (String) args.get("imgapi");
      if (args.get("channel") instanceof String channel) {
        ChannelCheck.require(session.imgapi(imgapi), List.of(channel));
      }
      var environment = session.stepEnvironment(state.store(), state.file().toString()).build();
      Map<String, Object> result = session.run(step(), args, environment);
      if (json) {
        printJson(result);
      } else {
        ResultPrinter.publish(env().out(), result);
        note("Next: triton-origin release --version <version> (staging, release, support)");
      }
    }
    return ExitCodes.OK;
  }
}
