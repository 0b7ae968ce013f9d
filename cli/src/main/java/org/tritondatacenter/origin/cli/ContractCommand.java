package org.tritondatacenter.origin.cli;

import picocli.CommandLine.Model.CommandSpec;

/** A command whose options include step-contract parameters, added when the CLI is assembled. */
interface ContractCommand {
  /** Adds the contract's options to the command's spec. */
  void addContractOptions(CommandSpec spec);

  /** Rewrites a message that names contract parameters to name this command's flags. */
  String rewrite(String message);
}
