package org.tritondatacenter.origin.cloudapi;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import org.tritondatacenter.origin.http.ApiClient;
import org.tritondatacenter.origin.http.ApiRequest;
import org.tritondatacenter.origin.http.ApiResponse;
import org.tritondatacenter.origin.http.RetryPolicy;

/** The image operations of CloudAPI, under {@code /<login>/images}. */
final class ImageCalls {
  private static final TypeReference<List<Image>> IMAGES = new TypeReference<>() {};

  private final ApiClient api;
  private final String login;

  ImageCalls(ApiClient api, String login) {
    this.api = api;
    this.login = login;
  }

  List<Image> listImages(ImageFilter filter) {
    ApiRequest.Builder request = ApiRequest.get("ListImages").path(login, "images");
    filter.addTo(request);
    return api.call(request.build(), IMAGES);
  }

  /**
   * Fetches one image. A poll gets no retries of its own: the waiter already tolerates transient
   * failures and honours {@code Retry-After}, and retrying in both places would multiply requests.
   */
  Image getImage(String id, boolean poll) {
    ApiRequest.Builder request =
        ApiRequest.get("GetImage").path(login, "images", Checks.uuid("image id", id));
    if (poll) {
      request.retryPolicy(RetryPolicy.none());
    }
    return api.call(request.build(), Image.class);
  }

  void deleteImage(String id) {
    api.send(
        ApiRequest.delete("DeleteImage")
            .path(login, "images", Checks.uuid("image id", id))
            .build());
  }

  CreatedImage createImageFromMachine(CreateImageRequest image) {
    // A POST that starts a job: the HTTP layer sends it again only when it cannot have arrived.
    ApiRequest request =
        ApiRequest.post("CreateImageFromMachine")
            .path(login, "images")
            .jsonBody(image.body())
            .build();
    try (ApiResponse response = api.open(request)) {
      String jobId = response.header("x-joyent-jobid");
      return new CreatedImage(response.decode(Image.class), jobId);
    }
  }

  ExportedImage exportImage(String id, String mantaPath) {
    String uuid = Checks.uuid("image id", id);
    String path = Checks.mantaPath(login, mantaPath);
    ApiRequest request =
        ApiRequest.post("ExportImage")
            .path(login, "images", uuid)
            .query("action", "export")
            .query("manta_path", path)
            // Export overwrites the same two objects each time, so sending it again is safe; the
            // long read timeout comes from HttpConfig's ExportImage entry.
            .idempotent(true)
            .build();
    return api.call(request, ExportedImage.class);
  }
}
