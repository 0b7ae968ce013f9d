package org.tritondatacenter.origin.testkit.auth;

import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;
import org.tritondatacenter.origin.testkit.http.ApiError;
import org.tritondatacenter.origin.testkit.http.Principal;

/**
 * Standalone IMGAPI's signature check (sdc-imgapi lib/app.js {@code getAuthMiddleware}): the keyId
 * is the bare user name, every key of that user is tried, and every failure is 401.
 *
 * <p>The body's {@code code} is {@code UnauthorizedError}: IMGAPI raises restify's {@code
 * UnauthorizedError}, an {@code HttpError} whose body code restify (2.x to 4.x) derives from the
 * status text with an {@code Error} suffix, which is also the name IMGAPI's docs list. apis.md §1.8
 * notes a doubt; clients should key on the 401 status either way.
 */
final class ImgapiAuthenticator extends SignatureAuthenticator {
  static final String CODE = "UnauthorizedError";

  /** IMGAPI-471: HMAC is refused, and there is no ECDSA or RSA-SHA512. */
  private static final Set<String> VALID_ALGS = Set.of("RSA-SHA1", "RSA-SHA256", "DSA-SHA1");

  ImgapiAuthenticator(Accounts accounts, Supplier<Instant> now) {
    super(accounts, now);
  }

  @Override
  ApiError unauthenticated() {
    return unauthorized("Unauthorized");
  }

  @Override
  Principal verify(RequestView request, String authz) {
    ParsedSignature sig;
    try {
      sig = SignatureParser.parse(request, ParserProfile.IMGAPI, now.get());
    } catch (SignatureFormatException e) {
      throw unauthorized(e.getMessage());
    }
    if (!VALID_ALGS.contains(sig.upperAlgorithm())) {
      throw unauthorized(
          "Unauthorized (\""
              + sig.upperAlgorithm()
              + "\" is not a supported http-signature signing algorithm)");
    }
    Identity user = accounts.find(sig.keyId());
    if (user == null) {
      throw unauthorized("Unauthorized");
    }
    for (RegisteredKey key : user.keys()) {
      // http-signature 0.10.0 converts only RSA and DSA SSH keys; other keys are skipped.
      if (key.key().type() == SshKeyType.RSA
          && SignatureCheck.verify(
              sig.algorithm(), key.key(), sig.signingString(), sig.signature())) {
        return new Principal(user.login(), null, key.key().md5Fingerprint());
      }
    }
    throw unauthorized("Unauthorized");
  }

  private static ApiError unauthorized(String message) {
    return new ApiError(401, CODE, message);
  }
}
