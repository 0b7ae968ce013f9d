package org.tritondatacenter.origin.testkit.auth;

/**
 * A public key on an account or sub-user.
 *
 * @param name the CloudAPI key name; the MD5 fingerprint unless one was given, as CloudAPI names a
 *     key created without a name
 */
record RegisteredKey(String name, SshPublicKey key) {}
