/**
 * Accounts, sub-users and their public keys, the keys the local Triton generates, and HTTP
 * Signature verification with each service's own rules: node-http-signature's strict parser, the
 * keyId forms, the algorithm allow-lists, the 300 s clock skew, Manta pre-signed URLs and the exact
 * error answers (apis.md §1).
 *
 * <p>This is an independent verifier: it shares no code with the signer in core, nor with the test
 * signer.
 */
package org.tritondatacenter.origin.testkit.auth;
