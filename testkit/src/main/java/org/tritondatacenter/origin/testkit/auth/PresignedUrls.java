package org.tritondatacenter.origin.testkit.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.tritondatacenter.origin.testkit.http.ApiError;
import org.tritondatacenter.origin.testkit.http.Exchange;
import org.tritondatacenter.origin.testkit.http.Principal;

/**
 * Manta pre-signed URLs (manta-muskie lib/auth.js {@code preSignedUrl}; apis.md §1.9).
 *
 * <p>The string to sign is {@code <methods>\n<Host>\n<raw path>\n<sorted query>}. The methods are
 * the {@code method} query parameter when present, else the request's own method: a URL signed for
 * one method carries no {@code method} parameter, a URL signed for several carries them all.
 * Failures of the URL itself (method, missing parameters, expiry, algorithm) are 403 {@code
 * InvalidQueryStringAuthentication}; from the keyId on, the answers are those of header
 * authentication ({@code InvalidKeyId}, {@code KeyDoesNotExist}, {@code InvalidSignature} ...), as
 * muskie runs the same handlers for both.
 */
final class PresignedUrls {
  private static final List<String> PARAMS = List.of("algorithm", "expires", "keyId", "signature");

  private final MantaAuthenticator manta;
  private final Supplier<Instant> now;

  PresignedUrls(MantaAuthenticator manta, Supplier<Instant> now) {
    this.manta = manta;
    this.now = now;
  }

  /** Returns true when the query carries any pre-signed URL parameter (muskie's test). */
  static boolean isPresigned(Exchange exchange) {
    return PARAMS.stream().anyMatch(p -> notEmpty(exchange.query(p)));
  }

  Principal verify(Exchange exchange) {
    String methodParam = exchange.query("method");
    List<String> methods =
        new ArrayList<>(
            Arrays.asList(
                (notEmpty(methodParam) ? methodParam : exchange.method()).split("\\s*,\\s*")));
    methods.sort(Comparator.naturalOrder());
    if (!methods.contains(exchange.method())) {
      throw refused(exchange.method() + " was not a signed method");
    }
    List<String> missing = PARAMS.stream().filter(p -> !notEmpty(exchange.query(p))).toList();
    if (!missing.isEmpty()) {
      throw refused("parameters \"" + String.join(", ", missing) + "\" are required");
    }
    long expires = parseExpires(exchange.query("expires"));
    long nowSeconds = Math.floorDiv(now.get().toEpochMilli(), 1000);
    if (nowSeconds > expires) {
      throw refused("request expired");
    }

    String signingString =
        String.join(",", methods)
            + "\n"
            + exchange.host()
            + "\n"
            + exchange.rawPath()
            + "\n"
            + canonicalQuery(exchange.queryParams());
    String algorithm = exchange.query("algorithm").toUpperCase(Locale.ROOT);
    if (!MantaAuthenticator.SIGN_ALG.contains(algorithm)) {
      throw refused(algorithm + " is not a supported signing algorithm");
    }
    return manta.checkCaller(
        exchange.query("keyId"), algorithm, signingString, exchange.query("signature"));
  }

  /**
   * Sorts the parameters by name (muskie uses {@code localeCompare}; case-insensitive order is the
   * same for every name a client sends), drops {@code signature} and RFC 3986-encodes the rest.
   */
  static String canonicalQuery(Map<String, List<String>> query) {
    return query.keySet().stream()
        .filter(k -> !k.toLowerCase(Locale.ROOT).equals("signature"))
        .sorted(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()))
        // A repeated parameter is an array in restify, which JavaScript joins with commas.
        .map(k -> rfc3986(k) + "=" + rfc3986(String.join(",", query.get(k))))
        .collect(Collectors.joining("&"));
  }

  /** Encodes like JavaScript's {@code encodeURIComponent} plus {@code !'()*}: RFC 3986 strict. */
  static String rfc3986(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        out.append(c);
      } else {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** Reads {@code expires} as JavaScript's parseInt does: leading digits, the rest ignored. */
  private static long parseExpires(String value) {
    String v = value.strip();
    int end = 0;
    if (end < v.length() && (v.charAt(end) == '-' || v.charAt(end) == '+')) {
      end++;
    }
    int digitsStart = end;
    while (end < v.length() && Character.isDigit(v.charAt(end)) && end - digitsStart < 18) {
      end++;
    }
    if (end == digitsStart) {
      // parseInt would give NaN, which muskie's expiry comparison lets through; refusing is
      // deliberate, since such a URL can only come from a broken signer.
      throw refused("expires is invalid");
    }
    return Long.parseLong(v.substring(0, end));
  }

  private static boolean notEmpty(String s) {
    return s != null && !s.isEmpty();
  }

  private static ApiError refused(String message) {
    return new ApiError(403, "InvalidQueryStringAuthentication", message);
  }
}
