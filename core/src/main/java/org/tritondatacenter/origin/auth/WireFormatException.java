package org.tritondatacenter.origin.auth;

/**
 * Reports bytes that do not follow the SSH wire encoding (RFC 4251 section 5). Callers turn it into
 * a {@link org.tritondatacenter.origin.KeyException} that names the file or agent concerned; the
 * message here only describes the structure, never the bytes.
 */
final class WireFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  WireFormatException(String message) {
    super(message);
  }
}
