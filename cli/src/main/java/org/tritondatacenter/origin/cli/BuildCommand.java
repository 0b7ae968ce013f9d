package org.tritondatacenter.origin.cli;

import java.util.List;
import java.util.Map;
import org.tritondatacenter.origin.steps.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code triton-origin build}: builds the images of images.json through CloudAPI. */
@Command(
    name = "build",
    description = {
      "Builds the origin images of images.json: one temporary machine per image, the packages"
          + " installed, an image made of it, the machine deleted.",
      "The branch, time and commit come from git unless given; the result goes to the state file"
          + " for 'export'."
    })
final class BuildCommand extends OperationCommand {
  @Option(
      names = "--allow-dirty",
      description = "Build even though tracked files have uncommitted changes.")
  boolean allowDirty;

  @Override
  Step step() {
    return Step.TRITON_ORIGIN_BUILD;
  }

  @Override
  List<String> contractNames() {
    return List.of(
        "images",
        "only",
        "force",
        "allowKnownBrokenOrigin",
        "version",
        "branch",
        "timestamp",
        "gitCommit",
        "cloudapi",
        "imgapi",
        "channel",
        "concurrency",
        "keepOnFailure",
        "timeoutMinutes");
  }

  @Override
  void describeOthers(ContractOptions contract) {
    contract.describe("imagesJson", "the images file's content");
  }

  @Override
  public Integer call() {
    Map<String, Object> args = given();
    BuildInput input = BuildInput.read(env(), args, allowDirty);
    args.remove("images");
    args.put("imagesJson", input.imagesJson());
    step().validate(args);
    try (StateFile state = openState("build");
        Session session = session(false)) {
      var environment =
          session
              .stepEnvironment(state.store(), state.file().toString())
              .buildDefaults(input.branch(), input.timestamp(), input.commit())
              .imagesSource(input.imagesFile().toString())
              .build();
      Map<String, Object> result = session.run(step(), args, environment);
      if (json) {
        printJson(result);
      } else {
        ResultPrinter.build(env().out(), result);
        note("State saved in " + state.file() + "; next: triton-origin export");
      }
    }
    return ExitCodes.OK;
  }
}
