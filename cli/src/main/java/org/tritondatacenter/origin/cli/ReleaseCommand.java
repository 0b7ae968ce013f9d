package org.tritondatacenter.origin.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.steps.ChannelAddResult;
import org.tritondatacenter.origin.steps.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code triton-origin release}: the original's release procedure. It lists the latest images by
 * name and version in the source channel (a dry-run channel-add), asks, and then adds exactly the
 * images listed to the target channels, so what is promoted is what was shown.
 */
@Command(
    name = "release",
    description = {
      "Releases images: lists the newest images named like --name with --version (or --uuids)"
          + " in --from-channel, asks for confirmation, then adds exactly those images to"
          + " --channels.",
      "--dry-run only lists; --yes does not ask."
    })
final class ReleaseCommand extends OperationCommand {
  static final String DEFAULT_NAME = "triton-origin-";
  static final List<String> DEFAULT_CHANNELS = List.of("staging", "release", "support");

  @Option(
      names = {"-y", "--yes"},
      description = "Release without asking; needed where there is no terminal.")
  boolean yes;

  @Override
  Step step() {
    return Step.IMGADM_CHANNEL_ADD;
  }

  @Override
  List<String> contractNames() {
    return List.of("imgapi", "fromChannel", "channels", "name", "version", "uuids", "dryRun");
  }

  @Override
  Map<String, String> defaultTexts() {
    return Map.of("channels", String.join(",", DEFAULT_CHANNELS), "name", DEFAULT_NAME);
  }

  @Override
  public Integer call() {
    Map<String, Object> args = given();
    boolean dryRun = Boolean.TRUE.equals(args.remove("dryRun"));
    args.putIfAbsent("channels", DEFAULT_CHANNELS);
    if (!args.containsKey("uuids")) {
      if (!args.containsKey("version")) {
        throw new UsageException(
            "give the --version to release (as 'triton-origin list' shows it), or --uuids");
      }
      args.putIfAbsent("name", DEFAULT_NAME);
    }
    Map<String, Object> listing = dryRunArgs(args);
    step().validate(listing);
    try (Session session = session(!dryRun)) {
      List<String> channels = new ArrayList<>();
      channels.add((String) args.getOrDefault("fromChannel", "dev"));
      ((List<?>) args.get("channels")).forEach(c -> channels.add(c.toString().strip()));
      ImgapiClient client = session.imgapi((String) args.get("imgapi"));
      ChannelCheck.require(client, channels);
      if (!args.containsKey("uuids")) {
        env()
            .interruption()
            .guard(
                () -> {
                  ChannelCheck.requireImages(
                      client,
                      channels.get(0),
                      (String) args.get("name"),
                      (String) args.get("version"));
                  return null;
                });
      }

      Map<String, Object> planned = runInMemory(session, listing);
      ChannelAddResult plan = ChannelAddResult.fromMap(planned);
      if (plan.changes().isEmpty()) {
        throw new NotFoundException(
            "no image matches in channel "
                + channels.get(0)
                + (args.containsKey("uuids")
                    ? " with the UUIDs given"
                    : ": name like '" + args.get("name") + "', version " + args.get("version")));
      }
      if (dryRun) {
        if (json) {
          printJson(planned);
        } else {
          ResultPrinter.channelAdd(env().out(), planned);
          note("Dry run: nothing changed.");
        }
        return ExitCodes.OK;
      }
      Set<String> uuids = new LinkedHashSet<>();
      plan.changes().forEach(c -> uuids.add(c.uuid()));
      if (!yes && !confirm(planned, uuids.size(), channels.subList(1, channels.size()))) {
        note("Not released: nothing changed.");
        return ExitCodes.FAILED;
      }
      Map<String, Object> release = new java.util.LinkedHashMap<>();
      release.put("imgapi", args.get("imgapi"));
      release.put("fromChannel", args.get("fromChannel"));
      release.put("channels", args.get("channels"));
      release.put("uuids", new ArrayList<>(uuids));
      release.values().removeIf(java.util.Objects::isNull);
      Map<String, Object> result = runWithState(session, "channelAdd", release);
      if (json) {
        printJson(result);
      } else {
        ResultPrinter.channelAdd(env().out(), result);
      }
    }
    return ExitCodes.OK;
  }

  private static Map<String, Object> dryRunArgs(Map<String, Object> args) {
    Map<String, Object> listing = new java.util.LinkedHashMap<>(args);
    listing.put("dryRun", true);
    return listing;
  }

  private boolean confirm(Map<String, Object> planned, int images, List<String> channels) {
    if (!env().terminal()) {
      throw new UsageException(
          "release changes channels and there is no terminal to confirm it; give --yes (or"
              + " --dry-run to only list)");
    }
    ResultPrinter.channelAdd(env().out(), planned);
    env()
        .err()
        .print("Add these " + images + " images to " + String.join(", ", channels) + "? [y/N] ");
    env().err().flush();
    try {
      String answer = env().in().readLine();
      return answer != null && Set.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT));
    } catch (IOException e) {
      throw new TritonException("cannot read the answer: " + e.getMessage(), e);
    }
  }
}
