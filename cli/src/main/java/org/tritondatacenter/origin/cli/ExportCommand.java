package org.tritondatacenter.origin.cli;

import java.util.List;
import java.util.Map;
import org.tritondatacenter.origin.steps.Step;
import picocli.CommandLine.Command;

/** {@code triton-origin export}: exports the images the last build made to Manta. */
@Command(
    name = "export",
    description = {
      "Exports the images of the build in the state file to a Manta builds directory, with"
          + " rewritten manifests, md5sums.txt, package lists and <branch>-latest.",
      "The result goes to the state file for 'publish'."
    })
final class ExportCommand extends OperationCommand {
  @Override
  Step step() {
    return Step.MANTA_EXPORT;
  }

  @Override
  List<String> contractNames() {
    return List.of("manta", "cloudapi", "project", "path", "deleteImages");
  }

  @Override
  void describeOthers(ContractOptions contract) {
    contract.describe("build", "the build in the state file");
  }

  @Override
  public Integer call() {
    Map<String, Object> args = given();
    try (StateFile state = openState("export");
        Session session = session(false)) {
      Map<String, Object> build =
          state
              .result("build")
              .orElseThrow(
                  () ->
                      new UsageException(
                          "the state file "
                              + state.file()
                              + " holds no finished build to export; run 'triton-origin build'"
                              + " first, with the same --state-file"));
      args.put("build", build);
      step().validate(args);
      if (args.get("path") instanceof String path) {
        requireInAccount(session, path.strip());
      }
      var environment = session.stepEnvironment(state.store(), state.file().toString()).build();
      Map<String, Object> result = session.run(step(), args, environment);
      if (json) {
        printJson(result);
      } else {
        ResultPrinter.export(env().out(), result);
        note("State saved in " + state.file() + "; next: triton-origin publish --channel dev");
      }
    }
    return ExitCodes.OK;
  }

  /** Refuses a directory outside the account before anything is built there or exported. */
  private static void requireInAccount(Session session, String path) {
    String account =
        session.endpoints().resolve(org.tritondatacenter.origin.Service.MANTA, null).login();
    if (!path.startsWith("/" + account + "/")) {
      throw new UsageException(
          "--path "
              + path
              + " is outside the Manta account '"
              + account
              + "'; give a directory under /"
              + account
              + "/, such as /"
              + account
              + "/public/builds/triton-origin-image/<branch>-<timestamp>");
    }
  }
}
