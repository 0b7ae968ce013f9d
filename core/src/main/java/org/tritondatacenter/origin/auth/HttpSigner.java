package org.tritondatacenter.origin.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import org.tritondatacenter.origin.KeyException;
import org.tritondatacenter.origin.Service;

/**
 * Builds the {@code Authorization} header values of the HTTP Signature scheme for one service,
 * account and key. Immutable and safe to share between threads.
 *
 * <p>By default it signs the {@code Date} header alone, the one form all three services take.
 * Signing {@code (request-target)} too binds the signature to the method and path; CloudAPI and
 * Manta verify that, but IMGAPI's older parser would look for a header of that name and fail.
 */
public final class HttpSigner {
  /** RFC 1123 with a two-digit day, as node's toUTCString() and the reference docs print it. */
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private final Service service;
  private final SigningKey key;
  private final String keyId;
  private final SignatureAlgorithm algorithm;
  private final boolean signRequestTarget;

  private HttpSigner(
      Service service,
      SigningKey key,
      String keyId,
      SignatureAlgorithm algorithm,
      boolean signRequestTarget) {
    this.service = service;
    this.key = key;
    this.keyId = keyId;
    this.algorithm = algorithm;
    this.signRequestTarget = signRequestTarget;
  }

  /**
   * Creates a signer. The algorithm comes from {@link AlgorithmPolicy#choose} and the keyId form
   * from the service ({@link KeyIds}); for IMGAPI {@code login} is the IMGAPI user name.
   *
   * @param signRequestTarget sign {@code (request-target) date} instead of {@code date}; CloudAPI
   *     and Manta only
   * @throws KeyException if the service accepts no algorithm for the key's type
   * @throws IllegalArgumentException if the login or sub-user cannot go into a keyId, or a sub-user
   *     or request-target signing is asked for IMGAPI
   */
  public static HttpSigner create(
      Service service,
      String login,
      String subUserOrNull,
      SigningKey key,
      boolean signRequestTarget) {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(key, "key");
    String keyId =
        switch (service) {
          case CLOUDAPI -> KeyIds.cloudApi(login, subUserOrNull, key.fingerprint());
          case MANTA -> KeyIds.manta(login, subUserOrNull, key.fingerprint());
          case IMGAPI -> {
            if (subUserOrNull != null) {
              throw new IllegalArgumentException(
                  "IMGAPI has no sub-users; give the IMGAPI user name as the login and no"
                      + " sub-user (got sub-user '"
                      + subUserOrNull
                      + "').");
            }
            if (signRequestTarget) {
              throw new IllegalArgumentException(
                  "IMGAPI cannot verify signatures over (request-target); sign the date only.");
            }
            yield KeyIds.imgapi(login);
          }
        };
    SignatureAlgorithm algorithm = AlgorithmPolicy.choose(service, key);
    return new HttpSigner(service, key, keyId, algorithm, signRequestTarget);
  }

  /** Returns the keyId this signer sends. */
  public String keyId() {
    return keyId;
  }

  /** Returns the algorithm this signer uses. */
  public SignatureAlgorithm algorithm() {
    return algorithm;
  }

  /**
   * Returns the {@code Authorization} value for a request, exactly {@code Signature
   * keyId="…",algorithm="…",headers="date",signature="…"} with no blanks after the commas (the
   * servers' parsers reject them). With request-target signing, {@code headers} is {@code
   * (request-target) date}.
   *
   * @param dateHeaderValue the {@code Date} header exactly as sent, see {@link #formatDate}
   * @param method the HTTP method; used only with request-target signing
   * @param pathAndQuery the path and query exactly as sent, such as {@code /acct/machines?limit=1};
   *     used only with request-target signing
   * @throws KeyException if the key cannot sign (an agent that is gone, for example)
   */
  public String authorization(String dateHeaderValue, String method, String pathAndQuery) {
    requireHeaderValue("Date header value", dateHeaderValue);
    String signingString = "date: " + dateHeaderValue;
    String headers = "date";
    if (signRequestTarget) {
      requireHeaderValue("method", method);
      requireHeaderValue("path and query", pathAndQuery);
      if (!pathAndQuery.startsWith("/")) {
        throw new IllegalArgumentException(
            "The path and query '" + pathAndQuery + "' must start with '/', as sent on the wire.");
      }
      signingString =
          "(request-target): "
              + method.toLowerCase(Locale.ROOT)
              + " "
              + pathAndQuery
              + "\n"
              + signingString;
      headers = "(request-target) date";
    }
    byte[] signature = key.sign(algorithm, signingString.getBytes(StandardCharsets.UTF_8));
    return "Signature keyId=\""
        + keyId
        + "\",algorithm=\""
        + algorithm.wireName()
        + "\",headers=\""
        + headers
        + "\",signature=\""
        + Base64.getEncoder().encodeToString(signature)
        + "\"";
  }

  /**
   * Signs {@code text} with this signer's key and algorithm and returns the signature in base64,
   * for signatures carried outside an {@code Authorization} header, such as the query of a Manta
   * pre-signed URL. The result is a credential: it must never be logged.
   *
   * @throws KeyException if the key cannot sign (an agent that is gone, for example)
   */
  public String signBase64(String text) {
    Objects.requireNonNull(text, "text");
    return Base64.getEncoder()
        .encodeToString(key.sign(algorithm, text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Formats an instant for the {@code Date} header in RFC 1123 form with a two-digit day, such as
   * {@code Tue, 08 Jan 2013 01:07:25 GMT}.
   */
  public static String formatDate(Instant instant) {
    return DATE.format(Objects.requireNonNull(instant, "instant"));
  }

  private static void requireHeaderValue(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("The " + field + " to sign is empty.");
    }
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      // A line break would let the value forge another line of the signing string.
      throw new IllegalArgumentException("The " + field + " to sign contains a line break.");
    }
  }

  @Override
  public String toString() {
    return "HttpSigner["
        + service.displayName()
        + " keyId="
        + keyId
        + " algorithm="
        + algorithm.wireName()
        + " headers="
        + (signRequestTarget ? "(request-target) date" : "date")
        + " key="
        + key
        + "]";
  }
}
