package org.tritondatacenter.origin.testkit.imgapi;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tritondatacenter.origin.testkit.http.ApiError;
import org.tritondatacenter.origin.testkit.http.Exchange;

/**
 * AdminImportImage ({@code POST /images/:uuid?action=import}) and CreateImage ({@code POST
 * /images}), the two ways a manifest becomes an unactivated image (apis.md §4.7).
 *
 * <p>The checks run in IMGAPI's order, which decides the answer when several apply: {@code account}
 * (403 {@code OperatorOnly}), the body uuid (422), the uuid already taken in any channel (409), the
 * {@code origin} missing from every channel and state (422 {@code OriginDoesNotExist}), extra
 * fields (422 {@code InvalidParameter}) and finally the field rules (422 {@code ValidationFailed}).
 * The import goes into exactly the resolved channel and its owner is forced to the zero UUID, as on
 * every standalone server.
 */
final class ImportEndpoints {
  private final ImgapiService service;

  ImportEndpoints(ImgapiService service) {
    this.service = service;
  }

  /** AdminImportImage; the channel is already resolved (null on a server without channels). */
  void importImage(Exchange exchange, String uuid, String channel) {
    if (exchange.query("account") != null) {
      throw new ApiError(403, "OperatorOnly", "this endpoint may only be called by an operator");
    }
    if (exchange.query("source") != null) {
      throw ApiError.badRequest(
          "NotImplemented",
          "AdminImportImage with ?source= (fetching the manifest from another IMGAPI) is not"
              + " supported by the local IMGAPI: send the manifest as the request body instead");
    }
    Map<String, Object> body = exchange.jsonBody();
    if (!uuid.equals(body.get("uuid"))) {
      throw Errors.invalidParameter(
          "URL UUID, \"" + uuid + "\" and body UUID, \"" + body.get("uuid") + "\" do not match",
          "uuid",
          "Invalid");
    }
    // Meaningful only on a DC-mode server (which checks the owner account), but still parsed.
    Errors.boolParam(exchange.query("skip_owner_check"), false, "skip_owner_check");
    service.catalog().checkFree(uuid);
    checkOrigin(body.get("origin"));
    body.put("owner", ManifestValidator.ZERO_OWNER);
    ManifestValidator.Accepted accepted =
        service.validator().accept(body, ManifestValidator.Purpose.IMPORT);
    Image image = newImage(uuid, accepted, channel);
    service.catalog().insert(image);
    ImageJson.send(exchange, service.mode(), image);
  }

  /** CreateImage: the server assigns the uuid; the owner comes from the manifest. */
  void createImage(Exchange exchange) {
    String channel = service.channels().resolve(exchange, false);
    Map<String, Object> body = exchange.jsonBody();
    String account = exchange.query("account");
    if (account != null) {
      if (!ManifestRules.UUID.matcher(account).matches()) {
        throw Errors.invalidParameter(
            "invalid \"account\": not a UUID: \"" + account + "\"", "account", "Invalid");
      }
      body.putIfAbsent("owner", account);
      if (!account.equals(body.get("owner"))) {
        throw Errors.invalidParameter(
            "invalid owner: given owner, \""
                + body.get("owner")
                + "\", does not match account, \""
                + account
                + "\"",
            "owner",
            "Invalid");
      }
    }
    if (body.containsKey("state")) {
      throw Errors.validationFailed(
          "invalid image data: \"state\"",
          List.of(Errors.fieldError("state", "NotAllowed", "Parameter cannot be set")));
    }
    body.putIfAbsent("v", 2);
    checkOrigin(body.get("origin"));
    ManifestValidator.Accepted accepted =
        service.validator().accept(body, ManifestValidator.Purpose.CREATE);
    Image image = newImage(UUID.randomUUID().toString(), accepted, channel);
    service.catalog().insert(image);
    ImageJson.send(exchange, service.mode(), image);
  }

  /**
   * AdminImportRemoteImage runs a workflow job, which only a DC-mode IMGAPI has; a standalone
   * server cannot serve it.
   */
  void importRemote(Exchange exchange) {
    if (exchange.query("source") == null) {
      throw Errors.validationFailed(
          "missing source parameter",
          List.of(Errors.fieldError("source", "MissingParameter", null)));
    }
    if (exchange.query("account") != null) {
      throw new ApiError(403, "OperatorOnly", "this endpoint may only be called by an operator");
    }
    throw new ApiError(
        503,
        "ServiceUnavailable",
        "Workflow API is down: import-remote needs a DC-mode IMGAPI; import the manifest and"
            + " add the file instead");
  }

  /** Answers 422 {@code OriginDoesNotExist} when the origin is in no channel and no state. */
  private void checkOrigin(Object origin) {
    if (origin != null && service.catalog().get(String.valueOf(origin)) == null) {
      throw ApiError.unprocessable(
          "OriginDoesNotExist", "origin image \"" + origin + "\" does not exist");
    }
  }

  private Image newImage(String uuid, ManifestValidator.Accepted accepted, String channel) {
    return new Image(
        uuid,
        accepted.fields(),
        channel == null ? List.of() : List.of(channel),
        false,
        accepted.disabled(),
        accepted.publishedAt(),
        null,
        service.catalog().nextSequence());
  }
}
