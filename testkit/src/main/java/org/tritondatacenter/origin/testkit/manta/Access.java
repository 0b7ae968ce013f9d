package org.tritondatacenter.origin.testkit.manta;

import org.tritondatacenter.origin.testkit.http.Exchange;
import org.tritondatacenter.origin.testkit.http.Principal;

/**
 * Decides who a request acts as and whether it may touch a path.
 *
 * <p>The signature itself was verified by the endpoint's authenticator before the handler ran; a
 * signed URL is verified here, because its route lets the request through without an {@code
 * Authorization} header. Then ownership: the caller's account must own the path (a sub-user acts
 * for its account), and only reads under {@code /<login>/public} may be anonymous.
 */
final class Access {
  private final MantaService manta;
  private final boolean unauthenticated;

  Access(MantaService manta, boolean unauthenticated) {
    this.manta = manta;
    this.unauthenticated = unauthenticated;
  }

  /** Returns true when the request is a pre-signed URL (apis.md §1.9). */
  static boolean isSignedUrl(Exchange exchange) {
    return exchange.query("signature") != null && exchange.header("Authorization") == null;
  }

  /**
   * Checks that the caller may read ({@code write} false) or write the request's path.
   *
   * @return the path
   */
  MantaPath authorize(Exchange exchange, boolean write) {
    MantaPath path = new MantaPath(exchange.segments());
    Principal caller = caller(exchange, path);
    if (!manta.ensureAccount(path.login())) {
      throw MantaErrors.accountDoesNotExist(path.login());
    }
    if (!write && path.isPublic()) {
      // Anyone may read /public, anonymously or signed by any account.
      return path;
    }
    if (caller == null) {
      throw MantaErrors.authorizationRequired();
    }
    if (!caller.account().equals(path.login())) {
      throw MantaErrors.authorizationFailed(callerName(caller), path);
    }
    return path;
  }

  private Principal caller(Exchange exchange, MantaPath path) {
    if (unauthenticated) {
      // Benchmarks only: every request acts as the owner of the path it names.
      return new Principal(path.login(), null, null);
    }
    if (isSignedUrl(exchange)) {
      Principal signer = manta.context.auth().verifySignedUrl(exchange);
      exchange.verifiedBy(signer);
      return signer;
    }
    return exchange.principal();
  }

  private static String callerName(Principal caller) {
    return caller.isSubUser() ? caller.account() + "/" + caller.subUser() : caller.account();
  }
}
