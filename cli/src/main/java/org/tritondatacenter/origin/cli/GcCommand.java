package org.tritondatacenter.origin.cli;

import java.time.Duration;
import org.tritondatacenter.origin.TritonException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code triton-origin gc}: finds what interrupted builds left behind, by their build tag. */
@Command(
    name = "gc",
    description = {
      "Lists the machines and never-activated images that builds left behind, found by their"
          + " triton-origin.build tag; --delete removes them. Builds younger than --older-than,"
          + " and the run recorded as still running in the state file, are never touched."
    })
final class GcCommand extends ServiceCommand {
  @Option(
      names = "--older-than",
      paramLabel = "DURATION",
      defaultValue = "6h",
      description = "Leave alone builds younger than this, such as 6h or 90m. Default: 6h.")
  String olderThan;

  @Option(names = "--delete", description = "Delete what is listed.")
  boolean delete;

  @Option(
      names = "--state-file",
      paramLabel = "PATH",
      description =
          "A state file whose running build is left alone. Default: "
              + StateOptions.DEFAULT_FILE
              + ".")
  java.nio.file.Path stateFile;

  @Override
  public Integer call() {
    Duration threshold = Durations.parse(olderThan, "--older-than");
    throw new TritonException(
        "gc is not available in this version (threshold " + Durations.format(threshold) + ")");
  }
}
