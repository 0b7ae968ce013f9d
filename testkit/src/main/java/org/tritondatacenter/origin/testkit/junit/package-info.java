/**
 * JUnit 5 extensions every module's tests use with the local Triton: {@link
 * org.tritondatacenter.origin.testkit.junit.LocalTritonExtension} starts one per test and fails a
 * test that leaks machines, images or objects (unless it carries {@link
 * org.tritondatacenter.origin.testkit.junit.ExpectLeaks}), and {@link
 * org.tritondatacenter.origin.testkit.junit.SecretGuardExtension} fails a test that lets a private
 * key, passphrase or signature value out into its output, logs, recorded text or (on request) the
 * message of any exception made while it runs. {@link
 * org.tritondatacenter.origin.testkit.junit.TestFields} lets a suite-wide extension find the
 * Tritons and servers a test holds, so each module registers one guard for all its tests.
 *
 * <pre>{@code
 * class BuildTest {
 *   @RegisterExtension
 *   static final LocalTritonExtension triton = LocalTritonExtension.withDefaults();
 *
 *   @RegisterExtension
 *   final SecretGuardExtension secrets = SecretGuardExtension.watching(triton);
 *
 *   @Test
 *   void build_guestSucceeds_createsTheImage(LocalTriton t) {
 *     ... // drive the code under test against t.cloudApiUrl(), t.rsaKey(), ...
 *     secrets.record(thrown.getMessage());
 *   }
 * }
 * }</pre>
 */
package org.tritondatacenter.origin.testkit.junit;
