package org.tritondatacenter.origin.testkit.auth;

/**
 * An {@code Authorization} header the parser refuses, with the parser's own message (each service
 * wraps it in its own error answer).
 */
final class SignatureFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SignatureFormatException(String message) {
    super(message, null, false, false);
  }
}
