/**
 * The simulated Manta: directories, streamed objects on disk, listings, snaplinks and signed URLs,
 * over the Directory API (apis.md §3), with muskie's error codes and its refusals answered before
 * {@code 100 Continue}.
 *
 * <p>{@link org.tritondatacenter.origin.testkit.manta.MantaSimulator} is the entry point; {@link
 * org.tritondatacenter.origin.testkit.manta.MantaStore} lets the other simulated services write
 * objects server-side. Benchmarks get a DISCARD storage mode, synthetic objects and an optional
 * unauthenticated listener, all off by default.
 */
package org.tritondatacenter.origin.testkit.manta;
