package org.tritondatacenter.origin;

/**
 * Reports a call that got no usable answer: a refused or reset connection, a timeout, a TLS
 * failure, an unreadable body or a checksum that did not match.
 */
public class TritonIoException extends TritonException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a user-facing message. */
  public TritonIoException(String message) {
    super(message);
  }

  /** Creates an exception with a user-facing message and the I/O failure behind it. */
  public TritonIoException(String message, Throwable cause) {
    super(message, cause);
  }
}
