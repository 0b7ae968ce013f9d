package org.tritondatacenter.origin.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.images.BuildStamp;
import org.tritondatacenter.origin.preflight.Plan;
import org.tritondatacenter.origin.preflight.PreflightException;
import org.tritondatacenter.origin.runner.BuildTools;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.steps.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code triton-origin plan}: what a build would do, checked but not done. It reads images.json
 * strictly, checks the configuration of every service the run touches and runs core's preflight
 * (credentials, origins, packages, networks, the target channel); nothing is created or written.
 */
@Command(
    name = "plan",
    description = {
      "Checks images.json, the configuration and the datacenter (preflight), and prints what"
          + " 'build', 'export' and 'publish' would make: image names and versions, packages,"
          + " the Manta directory and the channels. Creates and writes nothing."
    })
final class PlanCommand extends ServiceCommand implements ContractCommand {
  @Option(
      names = "--project",
      paramLabel = "NAME",
      defaultValue = "triton-origin-image",
      description =
          "Manta project directory under /<account>/public/builds/. Default: ${DEFAULT-VALUE}.")
  String project;

  private ContractOptions contract;

  @Override
  public void addContractOptions(CommandSpec spec) {
    contract =
        ContractOptions.add(
            spec,
            Step.TRITON_ORIGIN_BUILD,
            List.of(
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
                "channel"),
            Map.of());
  }

  @Override
  public String rewrite(String message) {
    return contract == null ? message : contract.rewrite(message);
  }

  @Override
  public Integer call() {
    Map<String, Object> args = contract.values(parsed());
    BuildInput input = BuildInput.read(env(), args, true);
    BuildStamp stamp = input.stamp();
    args.remove("images");
    args.put("imagesJson", input.imagesJson());
    Step.TRITON_ORIGIN_BUILD.validate(args);

    List<String> problems = new ArrayList<>();
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("imagesFile", input.imagesFile().toString());
    plan.put("branch", stamp.branch());
    plan.put("timestamp", stamp.timestamp());
    plan.put("gitCommit", stamp.commit());
    int status = ExitCodes.OK;
    try (Session session = session(false)) {
      String cloudApi = check(problems, () -> describe(session, Service.CLOUDAPI, null));
      plan.put("cloudapi", cloudApi);
      String manta = check(problems, () -> describe(session, Service.MANTA, null));
      plan.put("manta", manta);
      String account =
          manta == null ? "<account>" : session.endpoints().resolve(Service.MANTA, null).login();
      plan.put(
          "mantaDir", "/" + account + "/public/builds/" + project + "/" + stamp.buildDirName());
      String imgapiName = (String) args.get("imgapi");
      plan.put("imgapi", check(problems, () -> describe(session, Service.IMGAPI, imgapiName)));
      if (problems.isEmpty()) {
        var environment =
            session
                .stepEnvironment(new MemoryRunRecordStore(), "memory")
                .buildDefaults(input.branch(), input.timestamp(), input.commit())
                .build();
        try {
          Plan checked = env().interruption().guard(() -> BuildTools.plan(args, environment));
          plan.putAll(checked.toMap());
        } catch (PreflightException e) {
          problems.addAll(e.problems());
          status = ExitCodes.FAILED;
        }
      } else {
        status = ExitCodes.USAGE;
      }
      plan.putIfAbsent("channel", args.getOrDefault("channel", "the IMGAPI's default"));
      plan.put("releaseChannels", ReleaseCommand.DEFAULT_CHANNELS);
    }
    plan.put("problems", problems);
    if (json) {
      printJson(plan);
    } else {
      print(plan, problems);
    }
    return status;
  }

  private static String describe(Session session, Service service, String name) {
    return session.endpoints().resolve(service, name).toString();
  }

  private static String check(List<String> problems, Supplier<String> what) {
    try {
      return what.get();
    } catch (TritonException e) {
      problems.add(e.getMessage());
      return null;
    }
  }

  private void print(Map<String, Object> plan, List<String> problems) {
    var out = env().out();
    out.println(
        "Plan for "
            + plan.get("imagesFile")
            + " at "
            + plan.get("branch")
            + " "
            + plan.get("timestamp")
            + " (commit "
            + plan.get("gitCommit")
            + ")");
    if (plan.get("images") instanceof List<?> images) {
      Table table = new Table("NAME", "VERSION", "ORIGIN", "PACKAGE", "RESULT");
      for (Object item : images) {
        Map<?, ?> i = (Map<?, ?>) item;
        table.row(
            i.get("name"),
            i.get("version"),
            i.get("originName"),
            i.get("package"),
            Boolean.TRUE.equals(i.get("skipped"))
                ? "skip: published as " + i.get("uuid")
                : "build");
      }
      table.print(out);
    }
    out.println("CloudAPI:  " + orMissing(plan.get("cloudapi")));
    out.println("Manta:     " + orMissing(plan.get("manta")));
    out.println("Manta dir: " + plan.get("mantaDir"));
    out.println("IMGAPI:    " + orMissing(plan.get("imgapi")));
    out.println(
        "Publish to channel "
            + plan.get("channel")
            + "; release to "
            + String.join(", ", ReleaseCommand.DEFAULT_CHANNELS));
    for (String problem : problems) {
      out.println("problem: " + problem);
    }
    out.flush();
  }

  private static Object orMissing(Object value) {
    return value == null ? "not configured (see the problems below)" : value;
  }
}
