package org.tritondatacenter.origin.testkit;

/** Key types the local Triton can generate for its account. */
public enum KeyKind {
  RSA,
  ECDSA_P256,
  ECDSA_P384,
  ECDSA_P521,
  ED25519
}
