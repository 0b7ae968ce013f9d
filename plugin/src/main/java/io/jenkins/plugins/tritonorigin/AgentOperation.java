package io.jenkins.plugins.tritonorigin;

import hudson.model.TaskListener;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import jenkins.security.MasterToSlaveCallable;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.runner.StepEnvironment;
import org.tritondatacenter.origin.runner.StepRunner;
import org.tritondatacenter.origin.state.RunRecordStore;
import org.tritondatacenter.origin.steps.Step;

/**
 * Runs one operation on the agent of the enclosing {@code node {}}, so image files stream between
 * Manta, the workspace and IMGAPI there rather than through the controller.
 *
 * <p>The key text comes from the controller when core asks for an endpoint, the run record goes
 * back to the controller after every change, and log lines go to the build log through the step's
 * listener. An interrupt from the controller (an abort) reaches this thread through Remoting; core
 * then cleans up here, and {@link ControllerLink#finished()} tells the controller when it is done.
 */
final class AgentOperation extends MasterToSlaveCallable<AgentOutcome, RuntimeException> {
  private static final long serialVersionUID = 1L;

  private final Step operation;
  private final LinkedHashMap<String, Object> arguments;
  private final String record;
  private final BuildDefaults defaults;
  private final TaskListener listener;
  private final ControllerLink link;

  AgentOperation(
      Step operation,
      Map<String, Object> arguments,
      String record,
      BuildDefaults defaults,
      TaskListener listener,
      ControllerLink link) {
    this.operation = operation;
    this.arguments = PlainValues.copyMap(arguments);
    this.record = record;
    this.defaults = defaults;
    this.listener = listener;
    this.link = link;
  }

  @Override
  public AgentOutcome call() {
    StepEnvironment environment =
        StepEnvironment.builder()
            .endpoints((service, name) -> link.endpoint(service.name(), name).toResolved())
            .store(new LinkedStore(record, link), "the run record kept by the Jenkins controller")
            .listener(new BuildLog(listener, operation.functionName()))
            .buildDefaults(
                defaults.branch(),
                Instant.ofEpochMilli(defaults.startMillis()),
                defaults.gitCommit())
            .build();
    try {
      return AgentOutcome.succeeded(StepRunner.run(operation, arguments, environment));
    } catch (OperationInterruptedException e) {
      return AgentOutcome.interrupted(e);
    } catch (TritonException e) {
      return AgentOutcome.failed(e);
    } catch (RuntimeException e) {
      return AgentOutcome.broke(e);
    } finally {
      // The controller may be waiting for this after an abort. The interrupt flag would make the
      // call fail at once, so it is set aside for the call and put back afterwards.
      boolean interrupted = Thread.interrupted();
      try {
        link.finished();
      } catch (RuntimeException e) {
        // The controller is gone; nobody is waiting.
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Keeps the record on the agent for core to read, and on the controller for restarts. */
  private static final class LinkedStore implements RunRecordStore {
    private final ControllerLink link;
    private volatile String json;

    LinkedStore(String json, ControllerLink link) {
      this.json = json;
      this.link = link;
    }

    @Override
    public Optional<String> load() {
      return Optional.ofNullable(json);
    }

    @Override
    public void save(String json) {
      this.json = json;
      link.save(json);
    }
  }
}
