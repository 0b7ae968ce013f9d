package org.tritondatacenter.origin.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code triton-origin simulator}: runs the local Triton standalone, exactly as testkit's own
 * launcher does (same flags, same {@code export} lines, then {@code # ready}), until Ctrl-C.
 */
@Command(
    name = "simulator",
    description = {
      "Runs a local Triton (CloudAPI, Manta and two IMGAPI servers) and prints export lines for"
          + " its settings, then '# ready'. Stop it with Ctrl-C. 'simulator --help' lists its"
          + " options; eval its output to point this command line at it."
    })
final class SimulatorCommand implements Runnable {
  @Unmatched List<String> args = new ArrayList<>();

  @Override
  public void run() {
    org.tritondatacenter.origin.testkit.Main.main(args.toArray(String[]::new));
  }
}
