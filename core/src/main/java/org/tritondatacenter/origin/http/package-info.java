/**
 * Internal: the one place for HTTP plumbing, public only so the typed clients in {@code cloudapi},
 * {@code manta} and {@code imgapi} can use it. It is not a supported API for anyone else and may
 * change without notice.
 *
 * <p>It builds the OkHttp client (timeouts, TLS, no redirects, no silent resends), signs every
 * attempt afresh with a new {@code Date}, retries with backoff where that is safe, corrects clock
 * skew, maps every failure to {@link org.tritondatacenter.origin.TritonApiException} or {@link
 * org.tritondatacenter.origin.TritonIoException}, and streams bodies while hashing them in one
 * pass.
 */
package org.tritondatacenter.origin.http;
