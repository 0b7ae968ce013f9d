package org.tritondatacenter.origin.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tritondatacenter.origin.steps.Step;
import picocli.CommandLine.Command;

/** {@code triton-origin channel-add}: adds published images to more channels. */
@Command(
    name = "channel-add",
    description = {
      "Adds images to more IMGAPI channels, selected by --uuids, or by --name and --version in"
          + " --from-channel. Images already in a channel are left alone; --dry-run lists what"
          + " would change."
    })
final class ChannelAddCommand extends OperationCommand {
  @Override
  Step step() {
    return Step.IMGADM_CHANNEL_ADD;
  }

  @Override
  List<String> contractNames() {
    return List.of(
        "imgapi", "fromChannel", "channels", "uuids", "name", "version", "latest", "dryRun");
  }

  @Override
  public Integer call() {
    Map<String, Object> args = given();
    boolean dryRun = Boolean.TRUE.equals(args.get("dryRun"));
    // Bad arguments are reported before any configuration is needed or any request is sent.
    step().validate(args);
    try (Session session = session(!dryRun)) {
      List<String> channels = new ArrayList<>();
      if (args.get("fromChannel") instanceof String from) {
        channels.add(from);
      }
      if (args.get("channels") instanceof List<?> list) {
        list.forEach(c -> channels.add(c.toString().strip()));
      }
      var client = session.imgapi((String) args.get("imgapi"));
      ChannelCheck.require(client, channels);
      if (args.get("name") instanceof String name
          && args.get("version") instanceof String version) {
        ChannelCheck.requireImages(
            client, (String) args.getOrDefault("fromChannel", "dev"), name, version);
      }
      Map<String, Object> result =
          dryRun ? runInMemory(session, args) : runWithState(session, "channelAdd", args);
      if (json) {
        printJson(result);
      } else {
        ResultPrinter.channelAdd(env().out(), result);
      }
    }
    return ExitCodes.OK;
  }
}
