package org.tritondatacenter.origin.testkit.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.tritondatacenter.origin.testkit.http.ApiError;
import org.tritondatacenter.origin.testkit.http.AuthMode;
import org.tritondatacenter.origin.testkit.http.Exchange;
import org.tritondatacenter.origin.testkit.http.Principal;

/**
 * Manta's signature check (manta-muskie lib/common.js {@code authorizationParser} and lib/auth.js):
 * 400 {@code InvalidHeader} from the parser, 401 {@code InvalidAlgorithm}, and 403 for the keyId,
 * the caller, the key and the signature.
 *
 * <p>Like muskie, a request without an {@code Authorization} header but with any of the pre-signed
 * URL query parameters is checked as a pre-signed URL, whatever the route.
 */
final class MantaAuthenticator extends SignatureAuthenticator {
  /** lib/auth.js SIGN_ALG, in its order (the InvalidAlgorithm message lists it). */
  static final List<String> SIGN_ALG =
      List.of(
          "RSA-SHA1",
          "RSA-SHA256",
          "RSA-SHA384",
          "RSA-SHA512",
          "DSA-SHA1",
          "DSA-SHA256",
          "ECDSA-SHA256",
          "ECDSA-SHA384",
          "ECDSA-SHA512");

  private final PresignedUrls presigned;

  MantaAuthenticator(Accounts accounts, Supplier<Instant> now) {
    super(accounts, now);
    this.presigned = new PresignedUrls(this, now);
  }

  @Override
  public Principal authenticate(Exchange exchange, AuthMode mode) {
    if (mode == AuthMode.NONE) {
      return null;
    }
    String authz = exchange.header("Authorization");
    if ((authz == null || authz.isEmpty()) && PresignedUrls.isPresigned(exchange)) {
      return presigned.verify(exchange);
    }
    return super.authenticate(exchange, mode);
  }

  /** Verifies a Manta pre-signed URL (apis.md §1.9). */
  Principal verifySignedUrl(Exchange exchange) {
    return presigned.verify(exchange);
  }

  @Override
  ApiError unauthenticated() {
    return new ApiError(401, "AuthorizationRequired", "Authorization is required");
  }

  @Override
  Principal verify(RequestView request, String authz) {
    int space = authz.indexOf(' ');
    if (space < 0) {
      throw new ApiError(400, "InvalidHeader", "Invalid Authorization header");
    }
    String scheme = authz.substring(0, space).toLowerCase(Locale.ROOT);
    if (scheme.equals("token")) {
      // Token auth exists in Manta but is not simulated: every token is malformed here.
      throw new ApiError(
          403, "InvalidAuthenticationToken", "the authentication token you provided is malformed");
    }
    if (!scheme.equals("signature")) {
      throw new ApiError(
          403, "AuthorizationSchemeNotAllowed", scheme + " is not allowed (use 'signature')");
    }
    ParsedSignature sig;
    try {
      sig = SignatureParser.parse(request, ParserProfile.MANTA, now.get());
    } catch (SignatureFormatException e) {
      throw new ApiError(
          400, "InvalidHeader", "Invalid Signature Authorization header: " + e.getMessage());
    }
    if (!SIGN_ALG.contains(sig.upperAlgorithm())) {
      throw new ApiError(
          401,
          "InvalidAlgorithm",
          sig.upperAlgorithm()
              + " is not a supported signing algorithm. Supported algorithms are "
              + String.join(", ", SIGN_ALG));
    }
    return checkCaller(sig.keyId(), sig.algorithm(), sig.signingString(), sig.signature());
  }

  /**
   * Resolves a Manta keyId ({@code /login/keys/md5} or {@code /login/sub/keys/md5}, segments
   * URL-decoded) to its caller and key, then checks the signature; shared by header and pre-signed
   * URL verification, which answer the same errors from here on.
   */
  Principal checkCaller(String keyId, String algorithm, String signingString, String signature) {
    String[] k = keyId.split("/", -1);
    String account;
    String user = null;
    String fingerprint;
    if (k.length == 4 && k[2].equals("keys")) {
      account = decode(k[1]);
      fingerprint = decode(k[3]);
    } else if (k.length == 5 && k[3].equals("keys")) {
      account = decode(k[1]);
      user = decode(k[2]);
      fingerprint = decode(k[4]);
      if (user.isEmpty()) {
        throw invalidKeyId();
      }
    } else {
      throw invalidKeyId();
    }
    if (fingerprint.isEmpty() || account.isEmpty()) {
      throw invalidKeyId();
    }

    Identity owner = accounts.find(account);
    if (owner == null) {
      throw new ApiError(403, "AccountDoesNotExist", account + " does not exist");
    }
    Identity caller = owner;
    if (user != null) {
      caller = owner.subUsers().get(user);
      if (caller == null) {
        throw new ApiError(403, "UserDoesNotExist", account + "/" + user + " does not exist");
      }
    }
    RegisteredKey key = caller.keyByFingerprint(fingerprint);
    if (key == null) {
      String path = user == null ? "/" + account : "/" + account + "/" + user;
      throw new ApiError(403, "KeyDoesNotExist", path + "/keys/" + fingerprint + " does not exist");
    }
    if (algorithm.toLowerCase(Locale.ROOT).endsWith("-sha384")) {
      // Only a pre-signed URL gets here with sha384: http-signature's verify throws on a hash it
      // does not know, and muskie turns that into a 500.
      throw new ApiError(500, "InternalError", "an unexpected error occurred");
    }
    if (!SignatureCheck.verify(algorithm, key.key(), signingString, signature)) {
      throw new ApiError(
          403, "InvalidSignature", "The signature we calculated does not match the one you sent");
    }
    return new Principal(owner.login(), user, key.key().md5Fingerprint());
  }

  private static String decode(String segment) {
    try {
      // decodeURIComponent: '+' stays a plus.
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalidKeyId();
    }
  }

  private static ApiError invalidKeyId() {
    return new ApiError(403, "InvalidKeyId", "the KeyId token you provided is invalid");
  }
}
