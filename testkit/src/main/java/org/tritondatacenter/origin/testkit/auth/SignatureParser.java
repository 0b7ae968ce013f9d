package org.tritondatacenter.origin.testkit.auth;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses an {@code Authorization: Signature ...} header as strictly as node-http-signature does, in
 * the same order of checks and with the same messages, and rebuilds the signing string.
 */
final class SignatureParser {
  /** The allowed clock skew of every parser version the services use. */
  static final Duration CLOCK_SKEW = Duration.ofSeconds(300);

  private enum State {
    NAME,
    QUOTE,
    VALUE,
    COMMA
  }

  private SignatureParser() {}

  /**
   * Parses the request's {@code Authorization} header (which must be present).
   *
   * @param now the service's own wall-clock "now"
   * @throws SignatureFormatException with the parser's message
   */
  static ParsedSignature parse(RequestView request, ParserProfile profile, Instant now) {
    String authz = request.header("Authorization");
    StringBuilder scheme = new StringBuilder();
    Map<String, String> params = new HashMap<>();
    parseInto(authz, scheme, params);

    String xdate = request.header("x-date");
    String dateHeader = xdate != null && !xdate.isEmpty() ? "x-date" : "date";
    String headersParam = params.get("headers");
    List<String> headers =
        headersParam == null || headersParam.isEmpty()
            ? new ArrayList<>(List.of(dateHeader))
            // A JavaScript split on one space: a double space yields an empty name.
            : new ArrayList<>(Arrays.asList(headersParam.split(" ", -1)));

    if (!"Signature".contentEquals(scheme)) {
      throw new SignatureFormatException("scheme was not \"Signature\"");
    }
    String keyId = required(params, "keyId");
    String algorithm = required(params, "algorithm").toLowerCase(Locale.ROOT);
    String signature = required(params, "signature");
    if (!profile.knownAlgorithm().contains(algorithm)) {
      throw new SignatureFormatException(algorithm + " is not supported");
    }

    String signingString = signingString(request, profile, headers);
    checkSkew(request, now);
    if (!headers.contains(dateHeader)) {
      throw new SignatureFormatException(dateHeader + " was not a signed header");
    }
    if (profile.allowedAlgorithms() != null && !profile.allowedAlgorithms().contains(algorithm)) {
      throw new SignatureFormatException(algorithm + " is not a supported algorithm");
    }
    return new ParsedSignature(keyId, algorithm, List.copyOf(headers), signature, signingString);
  }

  /**
   * Walks the header character by character: the scheme up to the first space, then {@code
   * name="value"} pairs where names are ASCII letters and a closing quote must be followed by a
   * comma (so a space after a comma is "bad param format").
   */
  private static void parseInto(String authz, StringBuilder scheme, Map<String, String> params) {
    boolean inScheme = true;
    State state = State.NAME;
    StringBuilder name = new StringBuilder();
    StringBuilder value = new StringBuilder();
    for (int i = 0; i < authz.length(); i++) {
      char c = authz.charAt(i);
      if (inScheme) {
        if (c == ' ') {
          inScheme = false;
        } else {
          scheme.append(c);
        }
        continue;
      }
      switch (state) {
        case NAME -> {
          if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
            name.append(c);
          } else if (c == '=' && name.length() > 0) {
            state = State.QUOTE;
          } else {
            throw badFormat();
          }
        }
        case QUOTE -> {
          if (c != '"') {
            throw badFormat();
          }
          value.setLength(0);
          state = State.VALUE;
        }
        case VALUE -> {
          if (c == '"') {
            params.put(name.toString(), value.toString());
            state = State.COMMA;
          } else {
            value.append(c);
          }
        }
        case COMMA -> {
          if (c != ',') {
            throw badFormat();
          }
          name.setLength(0);
          state = State.NAME;
        }
      }
    }
  }

  private static String signingString(
      RequestView request, ParserProfile profile, List<String> headers) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < headers.size(); i++) {
      String h = headers.get(i).toLowerCase(Locale.ROOT);
      headers.set(i, h);
      if (h.equals("request-line")) {
        // The older draft's form: no "name: " prefix, the method as sent.
        out.append(request.method()).append(' ').append(request.pathAndQuery()).append(" HTTP/1.1");
      } else if (h.equals("(request-target)") && profile.requestTarget()) {
        out.append("(request-target): ")
            .append(request.method().toLowerCase(Locale.ROOT))
            .append(' ')
            .append(request.pathAndQuery());
      } else {
        // http-signature 0.10.0 has no (request-target): it looks for a header of that name.
        String value = request.header(h);
        if (value == null) {
          throw new SignatureFormatException(h + " was not in the request");
        }
        out.append(h).append(": ").append(value);
      }
      if (i + 1 < headers.size()) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static void checkSkew(RequestView request, Instant now) {
    String xdate = request.header("x-date");
    String name = xdate != null && !xdate.isEmpty() ? "x-date" : "date";
    String value = name.equals("x-date") ? xdate : request.header("date");
    if (value == null || value.isEmpty()) {
      return;
    }
    Instant date = HttpDates.parse(value);
    if (date == null) {
      // JavaScript's Date would yield NaN here and let the request through unchecked; refusing
      // is deliberate, as no real client sends such a date and a client bug should show.
      throw new SignatureFormatException(name + " header is not a valid HTTP date");
    }
    long skewMillis = Math.abs(Duration.between(date, now).toMillis());
    if (skewMillis > CLOCK_SKEW.toMillis()) {
      throw new SignatureFormatException(
          "clock skew of "
              + BigDecimal.valueOf(skewMillis, 3).stripTrailingZeros().toPlainString()
              + "s was greater than "
              + CLOCK_SKEW.toSeconds()
              + "s");
    }
  }

  private static String required(Map<String, String> params, String name) {
    String value = params.get(name);
    if (value == null || value.isEmpty()) {
      throw new SignatureFormatException(name + " was not specified");
    }
    return value;
  }

  private static SignatureFormatException badFormat() {
    return new SignatureFormatException("bad param format");
  }
}
