package org.tritondatacenter.origin.http;

import java.io.IOException;

/**
 * Thrown when a request or response body moves fewer bytes than {@link
 * HttpConfig#minimumThroughput()} allows. It is not retried: a link that drips a byte now and then
 * would drip again, and the message says how slow it was.
 */
public final class TransferTooSlowException extends IOException {
  private static final long serialVersionUID = 1L;

  TransferTooSlowException(String message) {
    super(message);
  }
}
