package org.tritondatacenter.origin.cloudapi;

import org.tritondatacenter.origin.TritonException;

/**
 * Reports that a machine or image being waited for reached a state it will never leave for the one
 * wanted: {@code failed}, or {@code deleted} while waiting for anything else.
 *
 * <p>For an image, the message carries the image's {@code error} object, such as {@code image 1a2b
 * (name@1.0) failed: PrepareImageDidNotRun: ...}.
 */
public class ResourceFailedException extends TritonException {
  private static final long serialVersionUID = 1L;

  private final String resource;
  private final String id;
  private final String state;
  private final String errorCode;
  private final String errorMessage;

  /**
   * Creates the exception.
   *
   * @param message the full message
   * @param resource {@code machine} or {@code image}
   * @param id the resource UUID
   * @param state the state reached, such as {@code failed}
   * @param errorCode the image's {@code error.code}, or null
   * @param errorMessage the image's {@code error.message}, or null
   */
  public ResourceFailedException(
      String message,
      String resource,
      String id,
      String state,
      String errorCode,
      String errorMessage) {
    super(message);
    this.resource = resource;
    this.id = id;
    this.state = state;
    this.errorCode = errorCode;
    this.errorMessage = errorMessage;
  }

  /** Returns {@code machine} or {@code image}. */
  public String resource() {
    return resource;
  }

  /** Returns the resource UUID. */
  public String id() {
    return id;
  }

  /** Returns the state reached, such as {@code failed}. */
  public String state() {
    return state;
  }

  /** Returns the image's {@code error.code}, such as {@code PrepareImageDidNotRun}, or null. */
  public String errorCode() {
    return errorCode;
  }

  /** Returns the image's {@code error.message}, or null. */
  public String errorMessage() {
    return errorMessage;
  }
}
