package org.tritondatacenter.origin.cli;

import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.prune.Prune;
import org.tritondatacenter.origin.prune.PruneReport;
import org.tritondatacenter.origin.prune.PruneRequest;
import org.tritondatacenter.origin.runner.ResolvedEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code triton-origin prune}: removes old build directories and old experimental images. */
@Command(
    name = "prune",
    description = {
      "Lists the build directories of a Manta project beyond the newest --keep per branch, and"
          + " the images of a channel beyond the newest --keep per name; --delete removes them."
    })
final class PruneCommand extends ServiceCommand {
  @Option(
      names = "--project",
      paramLabel = "NAME",
      defaultValue = "triton-origin-image",
      description = "Manta project under /<account>/public/builds/. Default: ${DEFAULT-VALUE}.")
  String project;

  @Option(
      names = "--channel",
      paramLabel = "CHANNEL",
      defaultValue = PruneRequest.DEFAULT_CHANNEL,
      description = "Channel whose old images go. Default: ${DEFAULT-VALUE}.")
  String channel;

  @Option(
      names = "--name",
      paramLabel = "TEXT",
      defaultValue = PruneRequest.DEFAULT_NAME_FILTER,
      description = "Only images whose names contain this. Default: ${DEFAULT-VALUE}.")
  String name;

  @Option(
      names = "--keep",
      paramLabel = "N",
      defaultValue = "5",
      description =
          "How many of the newest to keep per branch and per name. Default: ${DEFAULT-VALUE}.")
  int keep;

  @Option(names = "--delete", description = "Delete what is listed.")
  boolean delete;

  @Override
  public Integer call() {
    if (keep < 1) {
      throw new UsageException("--keep must be at least 1, got " + keep);
    }
    try (Session session = session(delete)) {
      ResolvedEndpoint manta = session.endpoints().resolve(Service.MANTA, null);
      MantaClient mantaClient = session.manta();
      ChannelCheck.require(session.imgapi(null), java.util.List.of(channel));
      PruneRequest request =
          new PruneRequest(
              "/" + manta.login() + "/public/builds/" + project, keep, channel, name, keep, delete);
      PruneReport report =
          env()
              .interruption()
              .guard(
                  () ->
                      new Prune(mantaClient, session.imgapi(null), session.progress())
                          .run(request));
      if (json) {
        printJson(report.toMap());
      } else {
        print(report);
      }
      return report.hasFailures() ? ExitCodes.FAILED : ExitCodes.OK;
    }
  }

  private void print(PruneReport report) {
    Table table = new Table("WHAT", "ID", "GROUP", "TIME", "ACTION");
    report.builds().forEach(e -> table.row("build", e.id(), e.group(), e.time(), action(e)));
    report.images().forEach(e -> table.row("image", e.id(), e.group(), e.time(), action(e)));
    if (table.isEmpty()) {
      env().out().println("Nothing to prune.");
      env().out().flush();
      return;
    }
    table.print(env().out());
    if (!report.deleted()) {
      note("Nothing deleted; run with --delete to remove what is not kept.");
    }
  }

  private static String action(PruneReport.Entry e) {
    return e.action().wireName() + (e.reason() == null ? "" : ": " + e.reason());
  }
}
