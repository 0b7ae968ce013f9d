package org.tritondatacenter.origin.imgapi;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.http.ApiClient;
import org.tritondatacenter.origin.http.ApiRequest;
import org.tritondatacenter.origin.http.ApiResponse;
import org.tritondatacenter.origin.http.Endpoint;

/**
 * Executes IMGAPI requests: decodes images, refuses writes without credentials, and says what to
 * check when the server refuses a signature.
 */
final class Calls {
  private final ApiClient api;

  Calls(ApiClient api) {
    this.api = api;
  }

  Endpoint endpoint() {
    return api.endpoint();
  }

  /** Returns the listener for progress and warnings of the shared HTTP settings. */
  EventListener listener() {
    return api.config().listener();
  }

  <T> T call(ApiRequest request, Class<T> type) {
    try {
      return api.call(request, type);
    } catch (TritonApiException e) {
      throw explain(e);
    }
  }

  <T> T call(ApiRequest request, TypeReference<T> type) {
    try {
      return api.call(request, type);
    } catch (TritonApiException e) {
      throw explain(e);
    }
  }

  void send(ApiRequest request) {
    try {
      api.send(request);
    } catch (TritonApiException e) {
      throw explain(e);
    }
  }

  ApiResponse open(ApiRequest request) {
    try {
      return api.open(request);
    } catch (TritonApiException e) {
      throw explain(e);
    }
  }

  Image image(ApiRequest request) {
    return toImage(call(request, JsonNode.class), request.operation());
  }

  List<Image> images(ApiRequest request) {
    JsonNode array = call(request, JsonNode.class);
    if (array == null || !array.isArray()) {
      throw new TritonIoException(
          "IMGAPI " + request.operation() + " answered with something other than a list of images");
    }
    List<Image> images = new ArrayList<>(array.size());
    for (JsonNode element : array) {
      images.add(toImage(element, request.operation()));
    }
    return images;
  }

  /** Refuses a write on an anonymous client before it reaches the server, which would say 401. */
  void requireCredentials(String operation) {
    if (api.endpoint().isAnonymous()) {
      throw new IllegalStateException(
          "IMGAPI "
              + operation
              + " needs credentials, but this client is anonymous: give the IMGAPI user name and"
              + " its RSA key");
    }
  }

  static Image toImage(JsonNode tree, String operation) {
    try {
      return Image.fromTree(tree);
    } catch (IllegalArgumentException e) {
      throw new TritonIoException(
          "IMGAPI " + operation + " answered with an image that cannot be read: " + e.getMessage(),
          e);
    }
  }

  /** Adds to a 401 what to check; IMGAPI's own message says only that it refused. */
  private TritonApiException explain(TritonApiException e) {
    if (e.httpStatus() != 401) {
      return e;
    }
    Endpoint endpoint = api.endpoint();
    String hint =
        endpoint.isAnonymous()
            ? "this call needs credentials: give the IMGAPI user name and its RSA key"
            : "IMGAPI did not accept the signature of user '"
                + endpoint.login()
                + "': check the user name (it is the whole keyId) and that the key's public half"
                + " is in that user's keys on the server; IMGAPI takes RSA and DSA keys only";
    String message = e.serverMessage() == null ? hint : e.serverMessage() + "; " + hint;
    TritonApiException explained =
        new TritonApiException(
            e.service(),
            e.operation(),
            e.httpStatus(),
            e.errorCode(),
            message,
            e.requestId(),
            e.retryAfter());
    explained.initCause(e);
    return explained;
  }
}
