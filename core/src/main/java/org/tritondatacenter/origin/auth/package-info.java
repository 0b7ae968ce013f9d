/**
 * SSH keys and HTTP Signature authentication for CloudAPI, Manta and IMGAPI: private keys read from
 * files or text (OpenSSH and PEM formats), keys held by an ssh-agent, fingerprints as {@code
 * ssh-keygen -l} prints them, and the signer that builds {@code Authorization} headers.
 *
 * <p>The one per-service allow-list of signature algorithms lives in {@link
 * org.tritondatacenter.origin.auth.AlgorithmPolicy}, so a key the service would refuse fails here,
 * before any request is sent. Nothing in this package ever puts key material, passphrases or
 * signature values into a message, a log line or a {@code toString()}.
 */
package org.tritondatacenter.origin.auth;
