package org.tritondatacenter.origin.cli;

import org.tritondatacenter.origin.TritonException;

/** Reports a command used wrongly: options that do not fit together, or missing input. */
final class UsageException extends TritonException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
