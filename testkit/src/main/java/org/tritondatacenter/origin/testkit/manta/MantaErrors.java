package org.tritondatacenter.origin.testkit.manta;

import org.tritondatacenter.origin.testkit.http.ApiError;

/**
 * Manta's error answers, with the wire codes, statuses and message shapes of muskie's {@code
 * lib/errors.js} (apis.md §3.10). Messages name the path or value involved.
 */
final class MantaErrors {
  private MantaErrors() {}

  static ApiError directoryDoesNotExist(MantaPath path) {
    return new ApiError(404, "DirectoryDoesNotExist", path.parent() + " does not exist");
  }

  static ApiError parentNotDirectory(MantaPath path) {
    return new ApiError(400, "ParentNotDirectory", path.parent() + " is not a directory");
  }

  static ApiError rootDirectory(String method, MantaPath path) {
    return new ApiError(
        400, "OperationNotAllowedOnRootDirectory", method + " is not allowed on " + path);
  }

  static ApiError resourceNotFound(String path) {
    return new ApiError(404, "ResourceNotFound", path + " was not found");
  }

  static ApiError directoryNotEmpty(MantaPath path) {
    return new ApiError(400, "DirectoryNotEmpty", path + " is not empty");
  }

  static ApiError onDirectory(MantaPath path, String method) {
    return new ApiError(
        400,
        "OperationNotAllowedOnDirectory",
        path + " is a directory: " + method + " is not allowed");
  }

  static ApiError contentLengthRequired() {
    return new ApiError(
        411,
        "ContentLengthRequired",
        "PutObject needs a Content-Length header or a chunked body (Transfer-Encoding: chunked)");
  }

  static ApiError invalidMaxContentLength(String value) {
    return new ApiError(
        400, "InvalidMaxContentLength", value + " is an invalid max-content-length value");
  }

  static ApiError maxContentLengthExceeded(long max) {
    return new ApiError(413, "MaxContentLengthExceeded", "request has exceeded " + max + " bytes");
  }

  static ApiError invalidDurabilityLevel(int min, int max) {
    return new ApiError(
        400, "InvalidDurabilityLevel", "durability-level must be between " + min + " and " + max);
  }

  static ApiError contentMd5Mismatch(String expected, String actual) {
    return new ApiError(
        400, "ContentMD5Mismatch", "Content-MD5 expected " + expected + ", but was " + actual);
  }

  static ApiError invalidContentMd5(String value) {
    return new ApiError(
        400, "BadRequest", "Content-MD5 " + value + " is invalid: send the base64 of 16 bytes");
  }

  static ApiError invalidLimit(String limit) {
    return new ApiError(
        400, "InvalidArgumentError", "limit=" + limit + " is invalid: must be between [1, 1024]");
  }

  static ApiError invalidParameter(String name, String value) {
    return new ApiError(
        400, "InvalidParameter", "\"" + value + "\" is invalid for \"" + name + "\"");
  }

  static ApiError rangeNotSatisfiable(boolean mantav2, String range, long size) {
    return new ApiError(
            416,
            mantav2 ? "RangeNotSatisfiable" : "RequestedRangeNotSatisfiable",
            range + " is an invalid range")
        .header("Content-Range", "bytes */" + size);
  }

  static ApiError preconditionFailed(String message) {
    return new ApiError(412, "PreconditionFailed", message);
  }

  static ApiError notImplemented(String message) {
    return new ApiError(501, "NotImplemented", message);
  }

  static ApiError notAcceptable(MantaPath path, String type) {
    return new ApiError(406, "NotAcceptable", path + " accepts " + type);
  }

  static ApiError authorizationFailed(String login, MantaPath path) {
    return new ApiError(403, "AuthorizationFailed", login + " is not allowed to access " + path);
  }

  static ApiError authorizationRequired() {
    return new ApiError(401, "AuthorizationRequired", "Authorization is required");
  }

  static ApiError accountDoesNotExist(String login) {
    return new ApiError(403, "AccountDoesNotExist", login + " does not exist");
  }

  static ApiError secureTransportRequired() {
    return new ApiError(
        403, "SecureTransportRequired", "Manta requires a secure transport (SSL/TLS)");
  }

  static ApiError snaplinksDisabled() {
    return new ApiError(
        403,
        "SnaplinksDisabledError",
        "snaplinks are disabled on this server (it acts as mantav2): write a copy instead");
  }

  static ApiError locationRequired() {
    return new ApiError(400, "LocationRequired", "An HTTP Location header must be specified");
  }

  static ApiError invalidLink(String location) {
    return new ApiError(400, "InvalidLink", location + " is an invalid link");
  }

  static ApiError sourceObjectNotFound(String location) {
    return new ApiError(404, "SourceObjectNotFound", location + " was not found");
  }

  static ApiError linkNotObject(String location) {
    return new ApiError(400, "LinkNotObject", location + " is not an object");
  }

  static ApiError invalidUpdate(String header) {
    return new ApiError(400, "InvalidUpdate", "overwrite of \"" + header + "\" forbidden");
  }

  static ApiError discarded(MantaPath path) {
    return notImplemented(
        path
            + " was received in DISCARD storage mode (benchmarks): only its size and MD5 were"
            + " kept, so its bytes cannot be read back; use StorageMode.DISK to read objects");
  }
}
