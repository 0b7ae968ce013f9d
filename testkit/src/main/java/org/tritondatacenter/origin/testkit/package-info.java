/**
 * A faithful local Triton: CloudAPI, Manta and one or more IMGAPI servers in one process, for
 * tests, demos and benchmarks. Start one with {@link
 * org.tritondatacenter.origin.testkit.LocalTriton#start(LocalTritonOptions)}, or standalone with
 * {@link org.tritondatacenter.origin.testkit.Main}.
 *
 * <p>It verifies HTTP Signatures as the real services do, keeps objects and image files on disk
 * (never on the heap), injects faults on request, records every request, and reports leaked
 * machines, unactivated images and stray objects.
 */
package org.tritondatacenter.origin.testkit;
