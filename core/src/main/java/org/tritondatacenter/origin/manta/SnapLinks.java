package org.tritondatacenter.origin.manta;

import java.util.Set;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.http.ApiClient;
import org.tritondatacenter.origin.http.ApiRequest;
import org.tritondatacenter.origin.http.ApiResponse;

/**
 * PutSnapLink, and telling "snaplinks are gone" apart from other refusals. A mantav1 with snaplinks
 * disabled says {@code SnaplinksDisabledError}; a mantav2 ({@code Server: Manta/2}) has no
 * snaplinks at all and refuses the link content type with a 400 or 405 of its own choosing, so the
 * {@code Server} header is read before the answer is mapped to an error.
 */
final class SnapLinks {
  private static final Set<String> LINK_ERRORS =
      Set.of("LocationRequired", "InvalidLink", "LinkNotObject", "SourceObjectNotFound");

  private SnapLinks() {}

  private static boolean isLinkError(String code) {
    return code != null && LINK_ERRORS.contains(code);
  }

  static String put(ApiClient api, MantaPath link, MantaPath source) {
    ApiRequest request =
        ApiRequest.put("PutSnapLink")
            .path(link.requestSegments())
            .header("Content-Type", "application/json; type=link")
            .header("Location", source.encoded())
            .acceptStatus(400, 403, 405)
            .build();
    ApiResponse response;
    try {
      response = api.open(request);
    } catch (TritonApiException e) {
      throw MantaErrors.forWrite(e, link);
    }
    if (response.status() < 300) {
      try (response) {
        return MantaHeaders.emptyToNull(response.header("Etag"));
      }
    }
    String server = response.header("Server");
    TritonApiException error = MantaErrors.fromResponse(response, "PutSnapLink");
    boolean mantav2 = server != null && server.trim().startsWith("Manta/2");
    if (error.hasCode("SnaplinksDisabledError")
        || (mantav2 && error.httpStatus() != 403 && !isLinkError(error.errorCode()))) {
      SnapLinksUnavailableException unavailable =
          new SnapLinksUnavailableException(
              error.httpStatus(),
              error.errorCode(),
              "snaplinks are not available on this Manta"
                  + (mantav2 ? " (a mantav2 server, which has none)" : " for this account")
                  + ", so "
                  + link
                  + " cannot link to "
                  + source
                  + "; write a copy or a small object naming the target instead",
              error.requestId());
      unavailable.initCause(error);
      throw unavailable;
    }
    throw MantaErrors.forWrite(error, link);
  }
}
