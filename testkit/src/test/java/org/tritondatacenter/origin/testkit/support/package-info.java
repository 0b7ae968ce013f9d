/**
 * Test utilities shared by testkit's own tests: {@link RequestSigner} signs requests and Manta
 * pre-signed URLs as the official clients do, with Bouncy Castle alone, so that the simulated
 * services' verifier is checked by an independent signer; {@link MutableClock} is the hand-moved
 * clock the service tests run on.
 */
package org.tritondatacenter.origin.testkit.support;
