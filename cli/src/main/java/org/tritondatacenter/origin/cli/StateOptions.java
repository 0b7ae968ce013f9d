package org.tritondatacenter.origin.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The run-record flags of every command that writes: where the state file is and how to use it. */
final class StateOptions {
  /** The state file's place under the working directory when none is given. */
  static final String DEFAULT_FILE = ".triton-origin/state.json";

  @Option(
      names = "--state-file",
      paramLabel = "PATH",
      description =
          "The run's state file: what each operation made, so the next command finds it and an"
              + " interrupted one can resume. Default: "
              + DEFAULT_FILE
              + " under the working directory.")
  Path stateFile;

  @Option(
      names = "--resume",
      description = "Continue the unfinished operation recorded in the state file.")
  boolean resume;

  @Option(
      names = "--new",
      description =
          "Start afresh even though the state file records an unfinished operation (find its"
              + " leftovers with 'triton-origin gc').")
  boolean fresh;

  Path file(Path workingDir) {
    Path file = stateFile == null ? Path.of(DEFAULT_FILE) : stateFile;
    return workingDir.resolve(file).normalize();
  }
}
