package org.tritondatacenter.origin.testkit.imgapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tritondatacenter.origin.testkit.http.ApiError;

/**
 * IMGAPI's error answers (apis.md §4.6). The validation errors carry IMGAPI's {@code errors} array
 * of {@code {field, code, message?}} so a client can tell which field was wrong.
 */
final class Errors {
  private Errors() {}

  /** One entry of the {@code errors} array. */
  static Map<String, Object> fieldError(String field, String code, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("field", field);
    error.put("code", code);
    if (message != null) {
      error.put("message", message);
    }
    return error;
  }

  static ApiError validationFailed(String message, List<Map<String, Object>> errors) {
    return ApiError.unprocessable("ValidationFailed", message).errors(errors);
  }

  static ApiError invalidParameter(String message, String field, String code) {
    return ApiError.unprocessable("InvalidParameter", message)
        .errors(List.of(fieldError(field, code, null)));
  }

  static ApiError invalidParameter(String message, List<Map<String, Object>> errors) {
    return ApiError.unprocessable("InvalidParameter", message).errors(errors);
  }

  static ApiError notFound(String message) {
    return ApiError.notFound("ResourceNotFound", message);
  }

  static ApiError download(String message) {
    return ApiError.badRequest("Download", message);
  }

  static ApiError upload(String message) {
    return ApiError.badRequest("Upload", message);
  }

  static ApiError unauthorized(String message) {
    return new ApiError(401, "Unauthorized", message);
  }

  /** Parses a boolean query parameter as IMGAPI does: absent, {@code true} or {@code false}. */
  static boolean boolParam(String value, boolean absent, String name) {
    if (value == null) {
      return absent;
    }
    if (value.equals("true")) {
      return true;
    }
    if (value.equals("false")) {
      return false;
    }
    throw invalidParameter(
        "invalid value for \"" + name + "\": \"" + value + "\" (use true or false)",
        name,
        "Invalid");
  }

  /**
   * The status of each IMGAPI error code, for {@code GET /ping?error=<Code>}, which answers a
   * sample of that error so clients can test their error handling.
   */
  static final Map<String, Integer> SAMPLE_STATUS =
      Map.ofEntries(
          Map.entry("ValidationFailed", 422),
          Map.entry("InvalidParameter", 422),
          Map.entry("ImageFilesImmutable", 422),
          Map.entry("ImageAlreadyActivated", 422),
          Map.entry("NoActivationNoFile", 422),
          Map.entry("OperatorOnly", 403),
          Map.entry("ImageUuidAlreadyExists", 409),
          Map.entry("Upload", 400),
          Map.entry("Download", 400),
          Map.entry("StorageIsDown", 503),
          Map.entry("StorageUnsupported", 503),
          Map.entry("RemoteSourceError", 503),
          Map.entry("OwnerDoesNotExist", 422),
          Map.entry("AccountDoesNotExist", 422),
          Map.entry("NotImageOwner", 422),
          Map.entry("NotMantaPathOwner", 422),
          Map.entry("OriginDoesNotExist", 422),
          Map.entry("OriginIsNotActive", 422),
          Map.entry("InsufficientServerVersion", 422),
          Map.entry("ImageHasDependentImages", 422),
          Map.entry("NotAvailable", 501),
          Map.entry("NotImplemented", 400),
          Map.entry("InternalError", 500),
          Map.entry("ResourceNotFound", 404),
          Map.entry("InvalidHeader", 400),
          Map.entry("InvalidVersion", 400),
          Map.entry("ServiceUnavailable", 503),
          Map.entry("Unauthorized", 401),
          Map.entry("BadRequest", 400));
}
