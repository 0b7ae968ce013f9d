/**
 * Accounts, sub-users and their public keys, and HTTP Signature verification with each service's
 * own rules: keyId forms, algorithm allow-lists, the 300 s clock skew and the exact error answers
 * (apis.md §1).
 *
 * <p>This is an independent verifier: it shares no code with the signer in core.
 */
package org.tritondatacenter.origin.testkit.auth;
