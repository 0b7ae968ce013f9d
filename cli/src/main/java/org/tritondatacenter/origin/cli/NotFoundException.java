package org.tritondatacenter.origin.cli;

import org.tritondatacenter.origin.TritonException;

/** Reports that what a command was asked for does not exist, such as images to release. */
final class NotFoundException extends TritonException {
  private static final long serialVersionUID = 1L;

  NotFoundException(String message) {
    super(message);
  }
}
