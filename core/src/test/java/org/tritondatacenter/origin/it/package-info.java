/**
 * Integration tests of the three typed clients against the local Triton of testkit: real HTTP, real
 * HTTP Signatures from the testkit's RSA key, and the simulated services' own state machines, error
 * codes and injected faults.
 *
 * <p>Time is virtual: one {@link org.tritondatacenter.origin.wait.ManualClock} drives both the
 * clients' waits and testkit's simulated durations, so a machine that takes a minute to provision
 * is waited for in milliseconds. Every test runs under the leak and secret guards of testkit.
 */
package org.tritondatacenter.origin.it;
