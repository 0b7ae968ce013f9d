package org.tritondatacenter.origin.cli;

import org.tritondatacenter.origin.KeyException;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.cli.config.ConfigException;
import org.tritondatacenter.origin.images.ImagesJsonException;
import org.tritondatacenter.origin.steps.StepArgumentException;

/** The exit statuses, node-triton's plus the shell's for Ctrl-C. */
final class ExitCodes {
  /** Done. */
  static final int OK = 0;

  /** The operation failed. */
  static final int FAILED = 1;

  /** Bad usage or input: an unknown flag, a bad argument or file, missing configuration. */
  static final int USAGE = 2;

  /** Something named does not exist. */
  static final int NOT_FOUND = 3;

  /** Interrupted by Ctrl-C (128 + SIGINT). */
  static final int INTERRUPTED = 130;

  private ExitCodes() {}

  /** Returns the exit status for a failure. */
  static int of(Throwable e) {
    if (e instanceof OperationInterruptedException) {
      return INTERRUPTED;
    }
    if (e instanceof UsageException
        || e instanceof ConfigException
        || e instanceof StepArgumentException
        || e instanceof ImagesJsonException
        || e instanceof KeyException) {
      return USAGE;
    }
    if (e instanceof NotFoundException
        || (e instanceof TritonApiException api && api.isNotFound())) {
      return NOT_FOUND;
    }
    return FAILED;
  }
}
