package org.tritondatacenter.origin.manta;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.http.ApiResponse;
import org.tritondatacenter.origin.http.Json;

/**
 * Turns Manta's error codes into messages that name the path and say what to do. The code, status
 * and request id stay as the server sent them, so callers still act on {@code hasCode(...)}; the
 * server's own exception is kept as the cause.
 */
final class MantaErrors {
  private static final int MAX_ERROR_BODY = 64 * 1024;

  private MantaErrors() {}

  /** Explains a failed write of {@code path} (PutObject, PutDirectory, PutSnapLink). */
  static TritonApiException forWrite(TritonApiException e, MantaPath path) {
    String code = e.errorCode() == null ? "" : e.errorCode();
    return switch (code) {
      case "DirectoryDoesNotExist" ->
          explain(
              e,
              "the parent directory "
                  + path.parent()
                  + " of "
                  + path
                  + " does not exist; create it first (MantaClient.mkdirp, or the mkdirs option"
                  + " of putObject)");
      case "ParentNotDirectory" ->
          explain(
              e,
              path.parent()
                  + " is an object, not a directory, so "
                  + path
                  + " cannot be created below it; remove that object or choose another path");
      case "OperationNotAllowedOnDirectory" ->
          explain(e, path + " is a directory; an object cannot replace it");
      case "OperationNotAllowedOnRootDirectory" ->
          explain(e, path + " is a top-level directory, which cannot be written");
      case "ContentMD5Mismatch" ->
          explain(
              e,
              "the bytes Manta received for "
                  + path
                  + " do not match the content-md5 that was sent ("
                  + e.serverMessage()
                  + "); the source changed or is not the file the MD5 belongs to");
      case "MaxContentLengthExceeded" ->
          explain(
              e,
              "the upload of "
                  + path
                  + " is larger than Manta accepts ("
                  + e.serverMessage()
                  + "); give the source a known size or raise max-content-length");
      default -> forAccess(e, path);
    };
  }

  /** Explains a failed read, listing or delete of {@code path}. */
  static TritonApiException forRead(TritonApiException e, MantaPath path) {
    if (e.isNotFound()) {
      return explain(e, path + " does not exist");
    }
    if (e.hasCode("DirectoryNotEmpty")) {
      return explain(e, path + " is a directory that is not empty; delete its entries first");
    }
    return forAccess(e, path);
  }

  private static TritonApiException forAccess(TritonApiException e, MantaPath path) {
    if (e.hasCode("AuthorizationFailed")
        || e.hasCode("MissingPermission")
        || e.hasCode("NoMatchingRoleTag")) {
      return explain(
          e,
          "the key is not allowed to access "
              + path
              + " ("
              + e.serverMessage()
              + "); check the Manta login, the sub-user and the roles that grant it access");
    }
    return e;
  }

  /** Returns a copy of {@code e} whose message is {@code explanation}, with {@code e} as cause. */
  static TritonApiException explain(TritonApiException e, String explanation) {
    TritonApiException explained =
        new TritonApiException(
            e.service(),
            e.operation(),
            e.httpStatus(),
            e.errorCode(),
            explanation,
            e.requestId(),
            e.retryAfter());
    explained.initCause(e);
    return explained;
  }

  /** Reads the error body of a response that was accepted for inspection and closes it. */
  static TritonApiException fromResponse(ApiResponse response, String operation) {
    try (response) {
      String code = null;
      String message = null;
      try (InputStream in = response.body()) {
        byte[] body = in.readNBytes(MAX_ERROR_BODY);
        JsonNode json = body.length == 0 ? null : Json.mapper().readTree(body);
        if (json != null && json.isObject()) {
          code = text(json, "code");
          message = text(json, "message");
        }
      } catch (IOException e) {
        // An unreadable error body still leaves the status, which says enough.
      }
      return new TritonApiException(
          Service.MANTA,
          operation,
          response.status(),
          code,
          message,
          response.header("x-request-id"));
    }
  }

  private static String text(JsonNode json, String field) {
    JsonNode node = json.get(field);
    return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
  }
}
