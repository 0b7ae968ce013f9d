package org.tritondatacenter.origin;

/**
 * The root of every failure core reports. It is unchecked: both adapters treat any failure as
 * "stop, clean up and report".
 *
 * <p>Messages name the file, field, resource or value concerned and say what to do. They never
 * contain key material, passphrases or signatures.
 */
public class TritonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a user-facing message. */
  public TritonException(String message) {
    super(message);
  }

  /** Creates an exception with a user-facing message and its cause. */
  public TritonException(String message, Throwable cause) {
    super(message, cause);
  }
}
