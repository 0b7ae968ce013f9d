package org.tritondatacenter.origin.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.images.BuildStamp;
import org.tritondatacenter.origin.images.ImageSpec;
import org.tritondatacenter.origin.runner.ResolvedEndpoint;
import org.tritondatacenter.origin.steps.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code triton-origin plan}: what a build would do, checked but not done. It reads images.json
 * strictly, works out names, versions and the Manta directory, and checks the configuration of
 * every service the run touches; nothing is written.
 */
@Command(
    name = "plan",
    description = {
      "Checks images.json and the configuration, and prints what 'build', 'export' and 'publish'"
          + " would make: image names and versions, the Manta directory and the channels."
          + " Writes nothing."
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
                "version",
                "branch",
                "timestamp",
                "gitCommit",
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
    Map<String, Object> given = contract.values(parsed());
    BuildInput input = BuildInput.read(env(), given, true);
    BuildStamp stamp = input.stamp();
    @SuppressWarnings("unchecked")
    List<String> only = (List<String>) given.getOrDefault("only", List.of());
    List<ImageSpec> selected = input.images().select(only);
    String version = (String) given.getOrDefault("version", stamp.version());

    List<String> problems = new ArrayList<>();
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("imagesFile", input.imagesFile().toString());
    plan.put("branch", stamp.branch());
    plan.put("timestamp", stamp.timestamp());
    plan.put("gitCommit", stamp.commit());
    List<Map<String, Object>> images = new ArrayList<>();
    for (ImageSpec spec : selected) {
      Map<String, Object> image = new LinkedHashMap<>();
      image.put("name", spec.imageName());
      image.put("version", version);
      image.put("origin", spec.origin().name() + "@" + spec.origin().version());
      image.put("originUuid", spec.origin().uuid());
      image.put("pkgsrc", spec.pkgsrc());
      images.add(image);
    }
    plan.put("images", images);
    try (Session session = session(false)) {
      String cloudApi = check(problems, () -> describe(session, Service.CLOUDAPI, null));
      plan.put("cloudapi", cloudApi);
      String manta = check(problems, () -> describe(session, Service.MANTA, null));
      plan.put("manta", manta);
      String account =
          manta == null ? "<account>" : session.endpoints().resolve(Service.MANTA, null).login();
      plan.put(
          "mantaDir", "/" + account + "/public/builds/" + project + "/" + stamp.buildDirName());
      String imgapiName = (String) given.get("imgapi");
      plan.put("imgapi", check(problems, () -> describe(session, Service.IMGAPI, imgapiName)));
      Object channel = given.get("channel");
      if (channel == null) {
        ResolvedEndpoint imgapi =
            problems.isEmpty() ? session.endpoints().resolve(Service.IMGAPI, imgapiName) : null;
        channel = imgapi == null ? null : imgapi.defaultChannel();
      }
      plan.put("channel", channel == null ? "the server's default" : channel);
      plan.put("releaseChannels", ReleaseCommand.DEFAULT_CHANNELS);
    }
    plan.put("problems", problems);
    if (json) {
      printJson(plan);
    } else {
      print(plan, images, problems);
    }
    return problems.isEmpty() ? ExitCodes.OK : ExitCodes.USAGE;
  }

  private static String describe(Session session, Service service, String name) {
    return session.endpoints().resolve(service, name).toString();
  }

  private static String check(List<String> problems, java.util.function.Supplier<String> what) {
    try {
      return what.get();
    } catch (TritonException e) {
      problems.add(e.getMessage());
      return null;
    }
  }

  private void print(
      Map<String, Object> plan, List<Map<String, Object>> images, List<String> problems) {
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
    Table table = new Table("NAME", "VERSION", "ORIGIN", "PACKAGES");
    images.forEach(
        i ->
            table.row(
                i.get("name"), i.get("version"), i.get("origin"), String.join(" ", toStrings(i))));
    table.print(out);
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

  private static List<String> toStrings(Map<String, Object> image) {
    return ((List<?>) image.get("pkgsrc")).stream().map(Object::toString).toList();
  }

  private static Object orMissing(Object value) {
    return value == null ? "not configured (see the problems below)" : value;
  }
}
