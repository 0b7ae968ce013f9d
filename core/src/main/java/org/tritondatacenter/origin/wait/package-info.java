/**
 * Injected time: the {@link org.tritondatacenter.origin.wait.Clock} and {@link
 * org.tritondatacenter.origin.wait.Sleeper} every wait and retry in core goes through, the {@link
 * org.tritondatacenter.origin.wait.Backoff} policies, and the {@link
 * org.tritondatacenter.origin.wait.Waiter} poll loop.
 *
 * <p>Nothing else in core reads the system time or sleeps. Tests hand in a {@link
 * org.tritondatacenter.origin.wait.ManualClock} (single-threaded, sleeps advance it instantly) or a
 * {@link org.tritondatacenter.origin.wait.ScaledClock} (real threads, time running N times faster),
 * so a "30-minute" wait runs in milliseconds.
 */
package org.tritondatacenter.origin.wait;
