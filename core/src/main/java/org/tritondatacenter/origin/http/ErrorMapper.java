package org.tritondatacenter.origin.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.TritonApiException;

/** Turns a non-2xx response into a {@link TritonApiException}, closing the response. */
final class ErrorMapper {
  /** Error bodies are read up to this size; anything longer is not a service's JSON error. */
  static final int MAX_ERROR_BODY = 64 * 1024;

  private static final int EXCERPT_LENGTH = 200;

  private static final Pattern KEY_ID = Pattern.compile("keyId=\"([^\"]*)\"");

  private ErrorMapper() {}

  static TritonApiException map(Service service, String operation, Response response, Instant now) {
    try (response) {
      int status = response.code();
      String requestId = firstHeader(response, "x-request-id", "request-id");
      Duration retryAfter = retryAfter(response, now);
      if (status >= 300 && status < 400) {
        return new TritonApiException(
            service, operation, status, null, redirectMessage(service, response), requestId);
      }
      byte[] body = readLimited(response);
      String code = null;
      String message = null;
      JsonNode json = parse(body);
      if (json != null && json.isObject()) {
        code = text(json, "code");
        if (code == null) {
          code = text(json, "restCode");
        }
        message = withFieldErrors(text(json, "message"), json.get("errors"));
      }
      if (code == null && message == null) {
        // Not a service error body: a proxy's HTML page, plain text or a wrongly-shaped JSON.
        message = body.length > 0 ? excerpt(body) : emptyToNull(response.message());
      }
      if (service != Service.IMGAPI && refusesTheKey(status, code)) {
        message = withKeyHint(message, response.request().header("Authorization"));
      }
      return new TritonApiException(
          service, operation, status, code, message, requestId, retryAfter);
    }
  }

  /**
   * Returns true when the answer refuses the signing key itself: any 401, or Manta's 403s about the
   * key. A 403 about permissions (AuthorizationFailed) is not the key's fault.
   */
  private static boolean refusesTheKey(int status, String code) {
    return status == 401
        || (status == 403
            && ("KeyDoesNotExist".equals(code)
                || "InvalidKeyId".equals(code)
                || "InvalidSignature".equals(code)));
  }

  /**
   * Names the key a refused request was signed with, so a revoked or unknown key is recognised;
   * only the keyId (account and fingerprint) is quoted, never the signature. IMGAPI's keyId is the
   * bare user name, which its client explains itself.
   */
  private static String withKeyHint(String message, String authorization) {
    if (authorization == null) {
      return message;
    }
    Matcher m = KEY_ID.matcher(authorization);
    if (!m.find()) {
      return message;
    }
    String hint =
        "the request was signed with keyId "
            + m.group(1)
            + "; check that this key is still on the account and not revoked";
    return message == null ? hint : message + "; " + hint;
  }

  private static String redirectMessage(Service service, Response response) {
    String location = response.header("Location");
    HttpUrl target = location == null ? null : response.request().url().resolve(location);
    String where =
        target == null
            ? "an unnamed location"
            : target.scheme() + "://" + target.host() + portSuffix(target);
    return "redirect to "
        + where
        + " not followed, because a signed request is never sent to another address; check the "
        + service
        + " URL (it should be the service's own https:// address)";
  }

  private static String portSuffix(HttpUrl url) {
    return url.port() == HttpUrl.defaultPort(url.scheme()) ? "" : ":" + url.port();
  }

  private static byte[] readLimited(Response response) {
    try {
      ResponseBody peeked = response.peekBody(MAX_ERROR_BODY);
      return peeked.bytes();
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return Json.mapper().readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static String text(JsonNode json, String field) {
    JsonNode node = json.get(field);
    return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
  }

  /** Appends IMGAPI's {@code errors: [{field, code, message}]}, which say what to fix. */
  private static String withFieldErrors(String message, JsonNode errors) {
    if (errors == null || !errors.isArray() || errors.isEmpty()) {
      return message;
    }
    List<String> parts = new ArrayList<>();
    for (JsonNode error : errors) {
      StringBuilder part = new StringBuilder();
      String field = error.isObject() ? text(error, "field") : null;
      String code = error.isObject() ? text(error, "code") : null;
      String detail = error.isObject() ? text(error, "message") : error.asText();
      if (field != null) {
        part.append(field);
      }
      if (code != null) {
        part.append(part.length() > 0 ? ": " : "").append(code);
      }
      if (detail != null && !detail.isEmpty()) {
        part.append(part.length() > 0 ? " " : "").append(detail);
      }
      if (part.length() > 0) {
        parts.add(part.toString());
      }
    }
    String details = String.join("; ", parts);
    return message == null ? details : message + " (" + details + ")";
  }

  /** Returns a short printable excerpt of a body that is not a service error. */
  static String excerpt(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.stripLeading().startsWith("<")) {
      text = text.replaceAll("<[^>]*>", " ");
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < text.length() && sb.length() <= EXCERPT_LENGTH; i++) {
      char c = text.charAt(i);
      boolean blank = Character.isWhitespace(c) || Character.isISOControl(c) || c == '\uFFFD';
      if (blank) {
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') {
          sb.append(' ');
        }
      } else {
        sb.append(c);
      }
    }
    String result = sb.toString().strip();
    if (result.length() > EXCERPT_LENGTH) {
      result = result.substring(0, EXCERPT_LENGTH) + "...";
    }
    return result.isEmpty() ? null : result;
  }

  /** Reads {@code Retry-After} as seconds or as an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(Response response, Instant now) {
    String value = response.header("Retry-After");
    if (value == null || value.isBlank()) {
      return null;
    }
    value = value.trim();
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Duration.ofSeconds(Long.parseLong(value));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    Instant until = HttpDates.parse(value);
    if (until == null) {
      return null;
    }
    // Measure against the server's own Date when it sent one, so local clock skew does not count.
    Instant serverNow = HttpDates.parse(response.header("Date"));
    Duration wait = Duration.between(serverNow != null ? serverNow : now, until);
    return wait.isNegative() ? Duration.ZERO : wait;
  }

  private static String firstHeader(Response response, String... names) {
    for (String name : names) {
      String value = response.header(name);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
