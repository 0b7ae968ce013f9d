package org.tritondatacenter.origin.testkit.auth;

/**
 * A public key registered on an account or sub-user, as CloudAPI's key listing shows it.
 *
 * @param name the key name (the MD5 fingerprint unless one was given)
 * @param md5Fingerprint lowercase colon-hex MD5 of the SSH wire blob, as the services match keys
 * @param sha256Fingerprint {@code SHA256:<base64>}, as {@code ssh-keygen -l} prints it
 * @param publicKeyLine the OpenSSH public-key line
 */
public record AccountKey(
    String name, String md5Fingerprint, String sha256Fingerprint, String publicKeyLine) {}
