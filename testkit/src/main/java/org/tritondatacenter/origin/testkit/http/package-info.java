/**
 * The HTTP layer of the local Triton: one Jetty server with a connector per simulated service,
 * request routing, HTTP Signature enforcement hooks, fault injection and the request log.
 *
 * <p>Jetty is used because it sends {@code 100 Continue} only when a handler starts reading the
 * body, so a PUT that is refused (a missing parent directory, for example) is answered before the
 * client sends any bytes, as Manta does. Handlers are plain blocking code over an {@link
 * org.tritondatacenter.origin.testkit.http.Exchange}.
 */
package org.tritondatacenter.origin.testkit.http;
