package org.tritondatacenter.origin.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.AutoComplete;
import picocli.CommandLine;

/** The entry point of {@code triton-origin}. */
public final class Main {
  /**
   * How long Ctrl-C waits for the interrupted operation to clean up and report: longer than core's
   * own cleanup deadline, so cleanup is never cut short by the process ending.
   */
  static final Duration CLEANUP_WAIT = Duration.ofMinutes(15);

  /** The commands, in the order help lists them. */
  private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("plan", PlanCommand::new);
    COMMANDS.put("build", BuildCommand::new);
    COMMANDS.put("export", ExportCommand::new);
    COMMANDS.put("publish", PublishCommand::new);
    COMMANDS.put("channel-add", ChannelAddCommand::new);
    COMMANDS.put("release", ReleaseCommand::new);
    COMMANDS.put("list", ListCommand::new);
    COMMANDS.put("gc", GcCommand::new);
    COMMANDS.put("prune", PruneCommand::new);
    COMMANDS.put("simulator", SimulatorCommand::new);
    COMMANDS.put("demo", DemoCommand::new);
  }

  private Main() {}

  /** Returns the command the arguments name, or null when they name none of ours. */
  private static String commandName(String[] args) {
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        return COMMANDS.containsKey(arg) ? arg : null;
      }
    }
    return null;
  }

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    CliEnvironment env = CliEnvironment.system();
    Interruption interruption = env.interruption();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  interruption.trigger();
                  interruption.awaitFinished(CLEANUP_WAIT);
                },
                "triton-origin-ctrl-c"));
    int status = execute(args, env);
    env.out().flush();
    env.err().flush();
    interruption.finish();
    // After Ctrl-C the JVM is already shutting down with status 130; exit() then only waits.
    System.exit(status);
  }

  /**
   * Runs one command in this process, as tests and the demo do.
   *
   * @return the exit status: 0 done, 1 failed, 2 usage, 3 not found, 130 interrupted
   */
  public static int execute(String[] args, CliEnvironment env) {
    TritonOriginCommand root = new TritonOriginCommand(env);
    CommandLine commandLine = new CommandLine(root);
    // Building a command's model takes reflection over all its options; a run that names its
    // command builds only that one, which shortens every start. Help and completion need all.
    String named = commandName(args);
    COMMANDS.forEach(
        (name, command) -> {
          if (named == null || named.equals(name)) {
            commandLine.addSubcommand(name, command.get());
          }
        });
    if (named == null) {
      commandLine.addSubcommand("completion", new AutoComplete.GenerateCompletion());
    }
    for (CommandLine sub : commandLine.getSubcommands().values()) {
      // The connection flags alone would fill a screen; the option list below says it all.
      sub.getCommandSpec().usageMessage().abbreviateSynopsis(true);
      if (sub.getCommand() instanceof ContractCommand contract) {
        contract.addContractOptions(sub.getCommandSpec());
      }
    }
    ErrorReporter reporter = new ErrorReporter(root);
    commandLine
        .setOut(env.out())
        .setErr(env.err())
        .setExecutionExceptionHandler(reporter)
        .setParameterExceptionHandler(reporter);
    return commandLine.execute(args);
  }
}
