/**
 * Test utilities shared by testkit's own tests: {@link RequestSigner} signs requests and Manta
 * pre-signed URLs as the official clients do, with Bouncy Castle alone, so that the simulated
 * services' verifier is checked by an independent signer.
 */
package org.tritondatacenter.origin.testkit.support;
