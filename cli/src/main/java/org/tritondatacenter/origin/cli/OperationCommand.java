package org.tritondatacenter.origin.cli;

import java.util.List;
import java.util.Map;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.steps.Step;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A command that runs one of core's steps: its options include the step contract's parameters and,
 * when it writes, the state file's.
 */
abstract class OperationCommand extends ServiceCommand implements ContractCommand {
  @Mixin StateOptions state;

  ContractOptions contract;

  /** Returns the step whose parameters become options. */
  abstract Step step();

  /** Returns the parameters offered as options, in help order. */
  abstract List<String> contractNames();

  /** Returns help texts for defaults that differ from the step's. */
  Map<String, String> defaultTexts() {
    return Map.of();
  }

  /** Names the parameters that are not options, for messages from core. */
  void describeOthers(ContractOptions contract) {}

  @Override
  public void addContractOptions(CommandSpec spec) {
    contract = ContractOptions.add(spec, step(), contractNames(), defaultTexts());
    describeOthers(contract);
  }

  @Override
  public String rewrite(String message) {
    return contract == null ? message : contract.rewrite(message);
  }

  /** Returns the contract options given, under the contract's names. */
  Map<String, Object> given() {
    return contract.values(parsed());
  }

  /** Opens the state file for the operation that owns {@code section}. */
  StateFile openState(String section) {
    return StateFile.open(state.file(env().workingDir()), section, state.resume, state.fresh);
  }

  /** Runs the step on a run record held in memory: nothing is written, not even the state file. */
  Map<String, Object> runInMemory(Session session, Map<String, Object> args) {
    return session.run(
        step(), args, session.stepEnvironment(new MemoryRunRecordStore(), "memory").build());
  }

  /** Runs the step on the run record in the state file, in the section {@code section}. */
  Map<String, Object> runWithState(Session session, String section, Map<String, Object> args) {
    try (StateFile state = openState(section)) {
      return session.run(
          step(), args, session.stepEnvironment(state.store(), state.file().toString()).build());
    }
  }
}
