package org.tritondatacenter.origin.testkit.http;

/**
 * Who signed a request: the account login, the sub-user (null for the account itself) and the MD5
 * fingerprint of the key that verified.
 */
public record Principal(String account, String subUser, String keyFingerprint) {
  /** Returns true when the request was signed by a sub-user. */
  public boolean isSubUser() {
    return subUser != null;
  }
}
