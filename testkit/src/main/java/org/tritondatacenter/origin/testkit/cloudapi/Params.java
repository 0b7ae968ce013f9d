package org.tritondatacenter.origin.testkit.cloudapi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tritondatacenter.origin.testkit.http.ApiError;
import org.tritondatacenter.origin.testkit.http.Exchange;
import org.tritondatacenter.origin.testkit.http.Json;

/**
 * A request's parameters as CloudAPI sees them: restify's {@code mapParams} puts query parameters
 * and the top-level fields of a JSON (or form) body in one namespace, so {@code action} and {@code
 * manta_path} work in either place. A query parameter wins over a body field of the same name.
 */
final class Params {
  private final Map<String, Object> values;

  private Params(Map<String, Object> values) {
    this.values = values;
  }

  static Params of(Exchange exchange) {
    Map<String, Object> values = new LinkedHashMap<>();
    exchange.queryParams().forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
    String method = exchange.method();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      body(exchange).forEach(values::putIfAbsent);
    }
    return new Params(values);
  }

  /** Reads the body as JSON, or as a form when the client says so (CloudAPI accepts both). */
  static Map<String, Object> body(Exchange exchange) {
    String type = exchange.header("Content-Type");
    if (type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
      byte[] raw = exchange.readBody(1 << 20);
      Map<String, Object> form = new LinkedHashMap<>();
      for (String pair : new String(raw, StandardCharsets.UTF_8).split("&")) {
        if (!pair.isEmpty()) {
          int eq = pair.indexOf('=');
          String k = eq < 0 ? pair : pair.substring(0, eq);
          String v = eq < 0 ? "" : pair.substring(eq + 1);
          form.putIfAbsent(decode(k), decode(v));
        }
      }
      return form;
    }
    return exchange.jsonBody();
  }

  /** Returns the action a POST asks for, from the query or, failing that, the body. */
  static String action(Exchange exchange) {
    String action = exchange.query("action");
    if (action != null || !exchange.method().equals("POST")) {
      return action;
    }
    try {
      Object value = body(exchange).get("action");
      return value == null ? null : value.toString();
    } catch (ApiError e) {
      return null; // the handler reads the body again and reports the error
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  Map<String, Object> all() {
    return values;
  }

  Object raw(String name) {
    return values.get(name);
  }

  /** Returns a parameter as text, or null when absent; numbers and booleans are converted. */
  String string(String name) {
    Object v = values.get(name);
    if (v == null) {
      return null;
    }
    if (v instanceof Map || v instanceof List) {
      return Json.write(v);
    }
    return v.toString();
  }

  /** Returns a required text parameter, or throws 409 MissingParameter naming it. */
  String required(String name) {
    String v = string(name);
    if (v == null || v.isEmpty()) {
      throw ApiError.conflict("MissingParameter", name + " is a required parameter");
    }
    return v;
  }

  /** Returns an integer parameter within bounds, or its default; 409 InvalidArgument otherwise. */
  int integer(String name, int defaultValue, int min, int max) {
    String v = string(name);
    if (v == null || v.isEmpty()) {
      return defaultValue;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw invalid(name, v, "between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw invalid(name, v, "an integer");
    }
  }

  static ApiError invalid(String name, String value, String expected) {
    return ApiError.conflict(
        "InvalidArgument", name + " must be " + expected + " (got '" + value + "')");
  }
}
