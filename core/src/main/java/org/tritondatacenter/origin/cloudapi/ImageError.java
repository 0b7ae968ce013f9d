package org.tritondatacenter.origin.cloudapi;

/**
 * Why an image creation failed: the {@code error} object of a {@code failed} image.
 *
 * @param code such as {@code PrepareImageDidNotRun}, {@code VmHasNoOrigin}, {@code NotSupported} or
 *     {@code InternalError}
 * @param message the server's explanation
 */
public record ImageError(String code, String message) {

  /** Returns {@code code: message}, or whichever of the two is present. */
  @Override
  public String toString() {
    if (code == null) {
      return message == null ? "no details" : message;
    }
    return message == null ? code : code + ": " + message;
  }
}
