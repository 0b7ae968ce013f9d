package org.tritondatacenter.origin.testkit.cloudapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import org.tritondatacenter.origin.testkit.http.Exchange;
import org.tritondatacenter.origin.testkit.http.Json;

/**
 * One CloudAPI request after the common checks: the account it acts on ({@code /my} resolved), the
 * negotiated version, the merged parameters and the simulation time it is served at.
 */
record Call(Exchange exchange, String login, ApiVersion version, Params params, Instant now) {

  String pathParam(String name) {
    return exchange.pathParam(name);
  }

  /**
   * Answers with JSON, carrying {@code Content-MD5} as CloudAPI does (restify clients check it).
   */
  void send(int status, Object body) {
    sendBytes(status, "application/json", Json.write(body).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Answers with a single metadata value or tag. restify picks the formatter from {@code Accept}: a
   * client asking for JSON (node-triton sends {@code application/json} and parses the answer) gets
   * a JSON string, any other client the bare text.
   */
  void sendValue(Object value) {
    String accept = exchange.header("Accept");
    if (accept != null && accept.toLowerCase(Locale.ROOT).contains("json")) {
      send(200, value);
    } else {
      sendBytes(200, "text/plain", String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }
  }

  private void sendBytes(int status, String type, byte[] bytes) {
    exchange.responseHeader("Content-MD5", md5(bytes));
    exchange.sendBytes(status, type, bytes);
  }

  static String md5(byte[] bytes) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is not available", e);
    }
  }
}
