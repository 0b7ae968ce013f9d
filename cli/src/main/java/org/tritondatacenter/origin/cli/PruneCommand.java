package org.tritondatacenter.origin.cli;

import org.tritondatacenter.origin.TritonException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code triton-origin prune}: removes old build directories and old experimental images. */
@Command(
    name = "prune",
    description = {
      "Lists the build directories of a Manta project and the images of a channel beyond the"
          + " newest --keep per name; --delete removes them."
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
      defaultValue = "experimental",
      description = "Channel whose old images go. Default: ${DEFAULT-VALUE}.")
  String channel;

  @Option(
      names = "--keep",
      paramLabel = "N",
      defaultValue = "5",
      description = "How many of the newest to keep per name. Default: ${DEFAULT-VALUE}.")
  int keep;

  @Option(names = "--delete", description = "Delete what is listed.")
  boolean delete;

  @Override
  public Integer call() {
    if (keep < 1) {
      throw new UsageException("--keep must be at least 1, got " + keep);
    }
    throw new TritonException("prune is not available in this version");
  }
}
