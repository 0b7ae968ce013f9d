package org.tritondatacenter.origin.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top command, {@code triton-origin}: global options and the list of commands. */
@Command(
    name = "triton-origin",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Builds triton-origin images through CloudAPI, exports them to Manta, publishes them to"
          + " IMGAPI and promotes them through channels.",
      "",
      "Try it with no setup at all: triton-origin demo"
    },
    footerHeading = "%nExit status:%n",
    footer = {
      "  0    done",
      "  1    the operation failed",
      "  2    bad usage, input or configuration",
      "  3    not found",
      "  130  interrupted (Ctrl-C); cleanup ran"
    })
final class TritonOriginCommand implements Runnable {
  final CliEnvironment env;

  @Spec CommandSpec spec;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Show the stack trace of an error, not only its message.")
  boolean debug;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description =
          "Trace every HTTP request and response line on standard error; Authorization values"
              + " and signed-URL signatures are redacted.")
  boolean verbose;

  TritonOriginCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "give a command; run 'triton-origin --help' to list them");
  }
}
