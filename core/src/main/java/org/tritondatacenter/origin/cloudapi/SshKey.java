package org.tritondatacenter.origin.cloudapi;

/**
 * An SSH public key registered on the account (ListKeys, GetKey).
 *
 * @param name the key's name on the account
 * @param fingerprint the MD5 fingerprint in colon hex, as keyIds carry it
 * @param key the public key in OpenSSH one-line form
 * @param attested whether the key is attested (hardware-backed), or null
 */
public record SshKey(String name, String fingerprint, String key, Boolean attested) {}
