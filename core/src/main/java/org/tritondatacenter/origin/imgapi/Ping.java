package org.tritondatacenter.origin.imgapi;

/**
 * The answer of IMGAPI Ping.
 *
 * @param ping {@code pong}
 * @param version the server's IMGAPI version, such as {@code 4.11.0}
 * @param imgapi true when the server says it is an IMGAPI
 * @param pid the server's process id, sent only to authenticated callers; null otherwise
 * @param user the user the signature was verified for; null for an anonymous call
 */
public record Ping(String ping, String version, boolean imgapi, Integer pid, String user) {

  /** Returns true when the server verified the request's signature. */
  public boolean authenticated() {
    return user != null;
  }
}
