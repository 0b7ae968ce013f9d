package io.jenkins.plugins.tritonorigin;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ClassLoaderSanityThreadFactory;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.runner.StepEnvironment;
import org.tritondatacenter.origin.runner.StepRunner;
import org.tritondatacenter.origin.state.RunRecordStore;
import org.tritondatacenter.origin.steps.Step;

/**
 * Runs one core operation for a step without holding an executor or the Pipeline's thread, and
 * survives a controller restart.
 *
 * <p>{@link #start()} hands the work to a background thread and returns at once. The operation's
 * progress lives in core's run record, kept here as its versioned JSON text in {@link #record} and
 * saved with the Pipeline program after every change; after a restart {@link #onResume()} runs the
 * operation again from that record, and core finishes the job without duplicates. The arguments are
 * kept as plain values for the same reason.
 *
 * <p>{@link #stop(Throwable)} interrupts the thread. Core then cleans up what it created, and the
 * step fails with the stop cause only once that is done, so an aborted build leaves nothing behind.
 * Expected failures ({@link TritonException}) end the step as an {@link AbortException} with core's
 * message, which names what failed and what to do, without a stack trace.
 */
abstract class OperationExecution extends StepExecution {
  private static final long serialVersionUID = 1L;
  private static final Logger LOGGER = Logger.getLogger(OperationExecution.class.getName());
  private static final long SAVE_WAIT_SECONDS = 60;

  private static ExecutorService threads;

  /** The step's arguments as plain values; a prepared step keeps what it read from the node. */
  private final LinkedHashMap<String, Object> arguments;

  /** Core's run record as JSON, or null before core saved one. */
  private volatile String record;

  private transient volatile Thread worker;
  private transient volatile boolean finished;
  private transient volatile Throwable stopCause;
  private transient volatile BuildLog log;

  OperationExecution(StepContext context, Map<String, Object> arguments) {
    super(context);
    this.arguments = PlainValues.copyMap(arguments);
  }

  /** Returns the operation this step runs. */
  abstract Step operation();

  /**
   * Reads from the workspace what core needs as values, such as the images file's text. It runs
   * before every start and resume, so it must leave prepared arguments unchanged.
   *
   * @param workspace the workspace of the enclosing {@code node {}}, or null outside one
   * @return true when it changed the arguments, which are then saved
   * @throws AbortException when the step needs a workspace it does not have
   */
  boolean prepare(Map<String, Object> arguments, FilePath workspace, BuildLog log)
      throws IOException, InterruptedException {
    return false;
  }

  /**
   * Adds to core's environment what this step knows beyond its arguments, such as the name of a
   * file {@link #prepare} read; nothing by default. It runs on the controller, before every start
   * and resume.
   */
  void describe(StepEnvironment.Builder environment) {}

  /** Returns true when the operation streams image files, which then happens on the agent. */
  boolean streamsImageFiles() {
    return false;
  }

  @Override
  public boolean start() {
    launch(false);
    return false;
  }

  @Override
  public void onResume() {
    launch(true);
  }

  @Override
  public void stop(Throwable cause) throws Exception {
    stopCause = cause;
    if (finished) {
      getContext().onFailure(cause);
      return;
    }
    Thread running = worker;
    if (running == null) {
      // Not started yet; the thread sees the stop cause as soon as it starts.
      return;
    }
    BuildLog current = log;
    if (current != null) {
      current.info("stopping: cleaning up what this step created");
    }
    // The thread reports the stop cause itself once core's cleanup has run. A second stop
    // interrupts again, which core's cleanup honours once it is done.
    running.interrupt();
  }

  @Override
  public String getStatus() {
    BuildLog current = log;
    return current == null ? "not started yet" : current.lastLine();
  }

  private void launch(boolean resumed) {
    threads()
        .execute(
            () -> {
              worker = Thread.currentThread();
              try {
                if (stopCause == null) {
                  work(resumed);
                } else {
                  getContext().onFailure(stopCause);
                }
              } finally {
                finished = true;
                worker = null;
                // The pool reuses this thread; an abort must not follow it to another step.
                Thread.interrupted();
              }
            });
  }

  private void work(boolean resumed) {
    StepContext context = getContext();
    Jenkins owner = Jenkins.get();
    try {
      BuildLog current = new BuildLog(context.get(TaskListener.class), operation().functionName());
      log = current;
      if (resumed) {
        current.info("resuming after a Jenkins restart, from the progress saved before it");
      }
      Run<?, ?> run = context.get(Run.class);
      Map<String, Object> result = PlainValues.copyMap(perform(context, run, current));
      TritonOriginAction.record(run, operation(), arguments, result);
      context.onSuccess(result);
    } catch (Throwable t) {
      Throwable stop = stopCause;
      if (QuiesceGate.isStopping(owner)) {
        // The Pipeline was saved with this step still running, and resumes it after the restart;
        // a failure seen now (such as the agent's channel closing) must not end it.
        LOGGER.log(Level.FINE, operation() + " was cut short by the shutdown", t);
      } else if (stop != null) {
        BuildLog current = log;
        if (current != null && t instanceof TritonException) {
          current.info(t.getMessage());
        }
        context.onFailure(stop);
      } else if (t instanceof TritonException) {
        context.onFailure(new AbortException(t.getMessage()));
      } else {
        context.onFailure(t);
      }
    }
  }

  private Map<String, Object> perform(StepContext context, Run<?, ?> run, BuildLog current)
      throws IOException, InterruptedException {
    FilePath workspace = context.get(FilePath.class);
    if (prepare(arguments, workspace, current)) {
      persist();
    }
    BuildDefaults defaults = BuildDefaults.of(run, context.get(EnvVars.class));
    JenkinsEndpoints endpoints = new JenkinsEndpoints(run);
    RunRecordStore store = new PipelineStore();
    if (streamsImageFiles()) {
      if (AgentDispatch.onAgent(workspace)) {
        return new AgentDispatch(endpoints, store, operation(), arguments)
            .run(
                workspace,
                operation(),
                arguments,
                defaults,
                context.get(TaskListener.class),
                current);
      }
      current.info(
          workspace == null
              ? "not inside node { }: image files stream through the Jenkins controller"
              : "image files stream through the Jenkins controller, where this node runs");
    }
    StepEnvironment.Builder environment =
        StepEnvironment.builder()
            .endpoints(endpoints)
            .store(store, "the run record of " + operation() + " in " + run.getFullDisplayName())
            .listener(current)
            .buildDefaults(
                defaults.branch(),
                Instant.ofEpochMilli(defaults.startMillis()),
                defaults.gitCommit())
            .httpClient(QuiesceGate.client(Jenkins.get()));
    describe(environment);
    return StepRunner.run(operation(), arguments, environment.build());
  }

  /** Asks the Pipeline to save its program, this execution and its record included. */
  private void persist() {
    try {
      getContext().saveState().get(SAVE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      // An abort: core sees the interrupt at its next wait and cleans up.
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOGGER.log(Level.WARNING, "could not save the Pipeline state of " + operation(), e);
    }
  }

  private static synchronized ExecutorService threads() {
    if (threads == null) {
      threads =
          Executors.newCachedThreadPool(
              new NamingThreadFactory(
                  new ClassLoaderSanityThreadFactory(new DaemonThreadFactory()),
                  "triton-origin step"));
    }
    return threads;
  }

  /** Keeps core's run record in this execution, saved with the Pipeline after every change. */
  private final class PipelineStore implements RunRecordStore {
    @Override
    public Optional<String> load() {
      return Optional.ofNullable(record);
    }

    @Override
    public void save(String json) {
      record = json;
      persist();
    }
  }
}
