package org.tritondatacenter.origin.testkit.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer in the shape all three services use: an HTTP status and a JSON body {@code
 * {"code": ..., "message": ...}}. Handlers throw it; the server renders it.
 */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private transient Object errors;

  /** Creates an error answer with a status, a code and a message. */
  public ApiError(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** Adds a response header, such as {@code Retry-After}. */
  public ApiError header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public Map<String, String> headers() {
    return headers;
  }

  /** Attaches IMGAPI's {@code errors} array ({@code [{field, code, message}]}). */
  public ApiError errors(Object errors) {
    this.errors = errors;
    return this;
  }

  /** Returns the JSON body of this error. */
  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("message", getMessage());
    if (errors != null) {
      body.put("errors", errors);
    }
    return body;
  }

  public static ApiError notFound(String code, String message) {
    return new ApiError(404, code, message);
  }

  public static ApiError badRequest(String code, String message) {
    return new ApiError(400, code, message);
  }

  public static ApiError conflict(String code, String message) {
    return new ApiError(409, code, message);
  }

  public static ApiError unprocessable(String code, String message) {
    return new ApiError(422, code, message);
  }
}
