package org.tritondatacenter.origin.testkit.auth;

import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;
import org.tritondatacenter.origin.testkit.http.ApiError;
import org.tritondatacenter.origin.testkit.http.Principal;

/**
 * CloudAPI's signature check (sdc-cloudapi lib/authorization.js and lib/auth.js): parser failures
 * are 400 {@code InvalidHeader}, everything else 401 {@code InvalidCredentials}, with CloudAPI's
 * messages.
 */
final class CloudApiAuthenticator extends SignatureAuthenticator {
  static final String MUST_AUTHENTICATE = "You must make authenticated requests to use CloudAPI";
  static final String SIGNATURE_MISMATCH =
      "The signature we calculated does not match the one you sent";

  /** lib/auth.js SIGN_ALGOS; the parser has already refused the sha384 entries. */
  private static final Set<String> SIGN_ALGOS =
      Set.of(
          "RSA-SHA1",
          "RSA-SHA256",
          "RSA-SHA384",
          "RSA-SHA512",
          "DSA-SHA1",
          "DSA-SHA256",
          "ECDSA-SHA256",
          "ECDSA-SHA384",
          "ECDSA-SHA512");

  CloudApiAuthenticator(Accounts accounts, Supplier<Instant> now) {
    super(accounts, now);
  }

  @Override
  ApiError unauthenticated() {
    return invalidCredentials(MUST_AUTHENTICATE);
  }

  @Override
  Principal verify(RequestView request, String authz) {
    int space = authz.indexOf(' ');
    if (space < 0) {
      throw new ApiError(400, "InvalidHeader", "BasicAuth content is invalid.");
    }
    // Basic and unknown schemes are parsed and ignored; the request then has no caller.
    if (!authz.substring(0, space).equalsIgnoreCase("signature")) {
      throw invalidCredentials(MUST_AUTHENTICATE);
    }
    ParsedSignature sig;
    try {
      sig = SignatureParser.parse(request, ParserProfile.CLOUDAPI, now.get());
    } catch (SignatureFormatException e) {
      throw new ApiError(400, "InvalidHeader", "Authorization header invalid: " + e.getMessage());
    }
    if (!SIGN_ALGOS.contains(sig.upperAlgorithm())) {
      throw invalidCredentials(sig.upperAlgorithm() + " is not a supported signing algorithm");
    }

    // 4 parts: /login/keys/key; 6 parts: /login/users/sub/keys/key. Like CloudAPI, only the
    // position of "keys" is checked, not the literal "users".
    String[] parts = sig.keyId().split("/", -1);
    String login = parts.length > 1 ? parts[1] : "";
    String subLogin = null;
    String keyPart;
    if (parts.length == 4 && parts[2].equals("keys")) {
      keyPart = parts[3];
    } else if (parts.length == 6
        && parts[4].equals("keys")
        && AcceptVersions.allowSubUserKeyIds(acceptVersion(request))) {
      subLogin = parts[3];
      keyPart = parts[5];
    } else {
      throw invalidCredentials("Invalid KeyId " + sig.keyId() + " in authorization header");
    }

    Identity account = accounts.find(login);
    if (account == null) {
      throw invalidCredentials("Invalid account " + login);
    }
    Identity caller = account;
    if (subLogin != null) {
      caller = account.subUsers().get(subLogin);
      if (caller == null) {
        throw invalidCredentials("Invalid account " + subLogin);
      }
    }
    RegisteredKey key = caller.keyByFingerprintOrName(keyPart);
    if (key == null) {
      throw invalidCredentials("Invalid key " + keyPart);
    }
    if (!SignatureCheck.verify(sig.algorithm(), key.key(), sig.signingString(), sig.signature())) {
      throw invalidCredentials(SIGNATURE_MISMATCH);
    }
    return new Principal(
        account.login(), subLogin == null ? null : caller.login(), key.key().md5Fingerprint());
  }

  private static String acceptVersion(RequestView request) {
    String v = request.header("Accept-Version");
    return v != null ? v : request.header("x-api-version");
  }

  private static ApiError invalidCredentials(String message) {
    return new ApiError(401, "InvalidCredentials", message);
  }
}
