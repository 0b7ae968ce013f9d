package org.tritondatacenter.origin.flow;

/**
 * One step of an operation, such as "create the machine" or "wait for the image".
 *
 * @param <C> the operation's context: its clients, settings and mutable progress
 */
public interface Task<C> {
  /** Returns a short name for events and errors, such as {@code create machine}. */
  String name();

  /**
   * Does the work. It must be safe to run again after a crash: a task that creates something first
   * checks the context's record for what an earlier attempt made.
   */
  void run(C context) throws Exception;

  /**
   * Undoes what {@link #run} left that must not outlive a failed operation. It runs after a failure
   * or interrupt for every started task, in reverse order, and must cope with partial state (the
   * run may have failed half-way). It reports what it could not remove through {@code cleanup}. The
   * default does nothing.
   */
  default void cleanup(C context, Cleanup cleanup) throws Exception {}
}
