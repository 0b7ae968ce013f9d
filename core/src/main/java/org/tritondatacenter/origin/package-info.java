/**
 * The root of triton-origin's core: the service names and the handful of unchecked exceptions every
 * layer throws.
 *
 * <p>Core is plain Java. It knows nothing of Jenkins or of the command line; adapters call one
 * operation, pass a listener for progress and map these exceptions to their own failures.
 */
package org.tritondatacenter.origin;
