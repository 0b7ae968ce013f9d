package org.tritondatacenter.origin.auth;

import java.security.PublicKey;

/**
 * A private key that can sign requests: one read into memory from a file or text ({@link SshKeys}),
 * or one held by an ssh-agent ({@link SshAgent}).
 *
 * <p>Implementations are immutable and safe to share between threads. Their {@code toString()}
 * names the type, fingerprint and source, never key material.
 */
public interface SigningKey {
  /** Returns the key's type. */
  KeyType type();

  /** Returns the fingerprints of the key's public half. */
  Fingerprint fingerprint();

  /** Returns the public half as a JCA key, for verifying what this key signs. */
  PublicKey publicKey();

  /**
   * Returns where the key came from, for messages, such as {@code file /home/u/.ssh/id_rsa}, {@code
   * ssh-agent key 'u@host'} or {@code credentials 'deploy'}. It never holds secrets.
   */
  String source();

  /**
   * Signs data and returns the signature in the HTTP Signature encoding: RSA as PKCS#1 v1.5 bytes,
   * ECDSA as an ASN.1 DER {@code SEQUENCE} of r and s, Ed25519 as the 64 raw bytes.
   *
   * @throws org.tritondatacenter.origin.KeyException if the algorithm does not fit the key's type
   *     (see {@link SignatureAlgorithm#fits}) or the signing itself fails, including an agent that
   *     is gone or refuses
   * @throws org.tritondatacenter.origin.OperationInterruptedException if the thread is interrupted
   *     while waiting for an agent
   */
  byte[] sign(SignatureAlgorithm algorithm, byte[] data);
}
