package org.tritondatacenter.origin;

/**
 * Reports that the calling thread was interrupted (a Jenkins abort or Ctrl-C) while core was
 * waiting, sleeping or blocked on a call. The in-flight call has been cancelled.
 *
 * <p>Whoever throws it re-asserts the thread's interrupt flag first, so code further up still sees
 * the interrupt. Cleanup code clears the flag while it runs and restores it afterwards.
 */
public class OperationInterruptedException extends TritonException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception, naming what was interrupted. */
  public OperationInterruptedException(String message) {
    super(message);
  }

  /** Creates the exception, naming what was interrupted and the low-level cause. */
  public OperationInterruptedException(String message, Throwable cause) {
    super(message, cause);
  }
}
