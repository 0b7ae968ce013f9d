package org.tritondatacenter.origin.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.tritondatacenter.origin.BuildFailedException;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.events.EventListener;

/**
 * Runs tasks in order, then cleans up every started task in reverse order.
 *
 * <p>Cleanup runs after success too (a task decides what to remove by {@link Cleanup#succeeded()}),
 * has its own deadline, and is not cut short by the interrupt that stopped the run: the interrupt
 * flag is cleared while cleanup runs and restored afterwards.
 *
 * @param <C> the operation's context type
 */
public final class TaskRunner<C> {
  private final String phase;
  private final String subject;
  private final Supplier<Instant> now;
  private final Duration cleanupBudget;
  private final EventListener listener;

  /**
   * Creates a runner.
   *
   * @param phase the operation phase, such as {@code build}, used in events and errors
   * @param subject what the run is about, such as an image name
   * @param now the clock the cleanup deadline is measured on
   * @param cleanupBudget how long cleanup may take in all
   */
  public TaskRunner(
      String phase,
      String subject,
      Supplier<Instant> now,
      Duration cleanupBudget,
      EventListener listener) {
    this.phase = Objects.requireNonNull(phase, "phase == null");
    this.subject = subject;
    this.now = Objects.requireNonNull(now, "now == null");
    this.cleanupBudget = Objects.requireNonNull(cleanupBudget, "cleanupBudget == null");
    this.listener = Objects.requireNonNull(listener, "listener == null");
  }

  /**
   * Runs the tasks and cleans up.
   *
   * @return what cleanup could not remove after a successful run (normally empty)
   * @throws BuildFailedException when a task failed; the cause is the task's failure, cleanup
   *     failures are suppressed exceptions, and the message names the phase, the task and what was
   *     left behind
   * @throws OperationInterruptedException when the thread was interrupted; cleanup ran first
   */
  public List<String> run(List<? extends Task<C>> tasks, C context) {
    List<Task<C>> started = new ArrayList<>();
    Instant start = now.get();
    listener.on(new Event.PhaseStarted(phase, subject));
    Throwable failure = null;
    Task<C> failedTask = null;
    for (Task<C> task : tasks) {
      // Recorded before it runs, so a task that fails half-way is still cleaned up.
      started.add(task);
      try {
        if (Thread.currentThread().isInterrupted()) {
          throw new OperationInterruptedException(phase + " interrupted before " + task.name());
        }
        task.run(context);
      } catch (Throwable t) {
        failure = t;
        failedTask = task;
        break;
      }
    }
    boolean interrupted = isInterrupt(failure) | Thread.interrupted();
    Cleanup cleanup = new Cleanup(now, cleanupBudget, failure == null, listener);
    List<Throwable> cleanupErrors = cleanUp(started, context, cleanup);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    listener.on(
        new Event.PhaseFinished(
            phase, subject, failure == null, Duration.between(start, now.get())));
    if (failure == null) {
      if (!cleanup.leftBehindList().isEmpty()) {
        listener.on(
            new Event.Warning(
                phase
                    + (subject == null ? "" : " of " + subject)
                    + " succeeded but cleanup left behind: "
                    + String.join("; ", cleanup.leftBehindList())));
      }
      return cleanup.leftBehindList();
    }
    throw failed(failure, failedTask, interrupted, cleanup, cleanupErrors);
  }

  private List<Throwable> cleanUp(List<Task<C>> started, C context, Cleanup cleanup) {
    List<Throwable> errors = new ArrayList<>();
    for (int i = started.size() - 1; i >= 0; i--) {
      Task<C> task = started.get(i);
      try {
        task.cleanup(context, cleanup);
      } catch (Throwable t) {
        // A second interrupt during cleanup must not stop the remaining cleanup tasks.
        Thread.interrupted();
        errors.add(t);
        listener.on(
            new Event.Warning("cleanup of '" + task.name() + "' failed: " + t.getMessage()));
      }
    }
    return errors;
  }

  private RuntimeException failed(
      Throwable failure,
      Task<C> task,
      boolean interrupted,
      Cleanup cleanup,
      List<Throwable> cleanupErrors) {
    String where =
        phase + (subject == null ? "" : " of " + subject) + " failed at '" + task.name() + "'";
    RuntimeException thrown;
    if (interrupted) {
      String message =
          phase
              + (subject == null ? "" : " of " + subject)
              + " was interrupted at '"
              + task.name()
              + "'";
      if (!cleanup.leftBehindList().isEmpty()) {
        message += "; left behind: " + String.join("; ", cleanup.leftBehindList());
      }
      thrown = new OperationInterruptedException(message, failure);
    } else if (failure instanceof BuildFailedException bfe && cleanup.leftBehindList().isEmpty()) {
      thrown = bfe;
    } else {
      String detail = failure.getMessage() == null ? failure.toString() : failure.getMessage();
      thrown =
          new BuildFailedException(where + ": " + detail, phase, cleanup.leftBehindList(), failure);
    }
    cleanupErrors.forEach(thrown::addSuppressed);
    return thrown;
  }

  private static boolean isInterrupt(Throwable t) {
    return t instanceof OperationInterruptedException || t instanceof InterruptedException;
  }
}
