package org.tritondatacenter.origin.manta;

import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.TritonApiException;

/**
 * Reports that this Manta cannot make snaplinks: snaplinks are disabled for the account ({@code
 * SnaplinksDisabledError}), or the server is a mantav2 ({@code Server: Manta/2}), which dropped
 * them. Callers that only wanted a cheap copy can fall back, for example to writing a small object
 * that names the target.
 */
public class SnapLinksUnavailableException extends TritonApiException {
  private static final long serialVersionUID = 1L;

  SnapLinksUnavailableException(
      int httpStatus, String errorCode, String serverMessage, String requestId) {
    super(Service.MANTA, "PutSnapLink", httpStatus, errorCode, serverMessage, requestId);
  }
}
