package org.tritondatacenter.origin.cli;

import java.io.PrintWriter;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.TritonException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Prints a failure as one message on standard error, {@code triton-origin <command>: error: ...},
 * and returns its exit status. The stack trace is shown only with {@code --debug}; core's messages
 * never carry secrets, so they are printed as they are.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
  private final TritonOriginCommand root;

  ErrorReporter(TritonOriginCommand root) {
    this.root = root;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
    PrintWriter err = command.getErr();
    int status = ExitCodes.of(e);
    String message = message(e);
    if (command.getCommand() instanceof ContractCommand contract) {
      message = contract.rewrite(message);
    }
    err.println(command.getCommandSpec().qualifiedName() + ": " + label(status) + message);
    if (e instanceof OperationInterruptedException) {
      err.println(
          "Cleanup ran before stopping. What was done is in the state file; continue with"
              + " --resume, or find leftovers with 'triton-origin gc'.");
    }
    if (root.debug) {
      e.printStackTrace(err);
    } else if (!(e instanceof TritonException)) {
      err.println("This is a bug in triton-origin; run with --debug for the stack trace.");
    }
    err.flush();
    return status;
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(command.getCommandSpec().qualifiedName() + ": error: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for its options.");
    err.flush();
    return ExitCodes.USAGE;
  }

  private static String label(int status) {
    return status == ExitCodes.INTERRUPTED ? "interrupted: " : "error: ";
  }

  private static String message(Throwable e) {
    if (e instanceof TritonException) {
      return e.getMessage();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
