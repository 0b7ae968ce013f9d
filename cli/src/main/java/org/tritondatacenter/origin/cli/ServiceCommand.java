package org.tritondatacenter.origin.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** A command that talks to Triton: connection flags, {@code --json} and the process environment. */
abstract class ServiceCommand implements Callable<Integer> {
  @ParentCommand TritonOriginCommand root;

  @Spec CommandSpec spec;

  @Mixin ConnectionOptions connection;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help. ('triton-origin --version' shows the version.)")
  boolean help;

  @Option(names = "--json", description = "Print the result as JSON on standard output.")
  boolean json;

  CliEnvironment env() {
    return root.env;
  }

  /**
   * Opens a session.
   *
   * @param signedImgapi true when the command changes IMGAPI, which then needs a user
   */
  Session session(boolean signedImgapi) {
    return new Session(env(), connection.flags(), signedImgapi, root.verbose);
  }

  ParseResult parsed() {
    return spec.commandLine().getParseResult();
  }

  /** Prints a value as JSON on standard output. */
  void printJson(Object value) {
    env().out().println(Json.write(value));
    env().out().flush();
  }

  /** Prints a note for people on standard error, where it never mixes with results. */
  void note(String line) {
    env().err().println(line);
    env().err().flush();
  }
}
