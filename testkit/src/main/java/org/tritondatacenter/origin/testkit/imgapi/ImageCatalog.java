package org.tritondatacenter.origin.testkit.imgapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.tritondatacenter.origin.testkit.http.ApiError;

/**
 * The images of one simulated server, in creation order. Every method is atomic, so a check and the
 * change it guards (such as "the uuid is free" and the insert) cannot be split by another request.
 * File bytes are never held here; see {@link ImageFiles}.
 */
final class ImageCatalog {
  private final Map<String, Image> images = new LinkedHashMap<>();
  private long sequence;

  synchronized long nextSequence() {
    return ++sequence;
  }

  /** Returns the image with this uuid in any channel, or null. */
  synchronized Image get(String uuid) {
    return images.get(uuid);
  }

  /**
   * Returns the image if it is in {@code channel} (null = any channel).
   *
   * @throws ApiError 404 {@code ResourceNotFound} when it does not exist or is not in the channel
   */
  synchronized Image find(String uuid, String channel) {
    Image image = images.get(uuid);
    if (image == null || !image.inChannel(channel)) {
      throw Errors.notFound("image not found");
    }
    return image;
  }

  synchronized List<Image> all() {
    return new ArrayList<>(images.values());
  }

  /**
   * Adds a new image.
   *
   * @throws ApiError 409 {@code ImageUuidAlreadyExists} when the uuid is taken in any channel
   */
  synchronized void insert(Image image) {
    checkFree(image.uuid());
    images.put(image.uuid(), image);
  }

  /** Throws 409 {@code ImageUuidAlreadyExists} when the uuid is taken in any channel. */
  synchronized void checkFree(String uuid) {
    if (images.containsKey(uuid)) {
      throw ApiError.conflict(
          "ImageUuidAlreadyExists", "image uuid \"" + uuid + "\" already exists");
    }
  }

  /**
   * Replaces the image found in {@code channel} with {@code change} applied to it, and returns the
   * new version. The change may throw an {@link ApiError} to refuse.
   */
  synchronized Image update(String uuid, String channel, UnaryOperator<Image> change) {
    Image updated = change.apply(find(uuid, channel));
    images.put(uuid, updated);
    return updated;
  }

  /** Adds or replaces an image without checks (operator seeding). */
  synchronized void put(Image image) {
    images.put(image.uuid(), image);
  }

  /**
   * DeleteImage: removes the image from {@code channel}, or removes it entirely when it is in no
   * other channel, when {@code force} is set, or on a server without channels ({@code channel}
   * null).
   *
   * @return the image when it is gone entirely (its file must be deleted), else null
   * @throws ApiError 422 {@code ImageHasDependentImages} when an image in that channel (any state)
   *     has it as its origin
   */
  synchronized Image delete(String uuid, String channel, boolean force) {
    Image image = find(uuid, channel);
    List<String> dependents = new ArrayList<>();
    for (Image other : images.values()) {
      if (uuid.equals(other.field("origin")) && other.inChannel(channel)) {
        dependents.add(other.uuid());
      }
    }
    if (!dependents.isEmpty()) {
      throw ApiError.unprocessable(
          "ImageHasDependentImages",
          "image \""
              + uuid
              + "\" has "
              + dependents.size()
              + " dependent incremental image(s): "
              + String.join(", ", dependents));
    }
    if (channel != null && image.channels().size() > 1 && !force) {
      images.put(uuid, image.withChannelRemoved(channel));
      return null;
    }
    images.remove(uuid);
    return image;
  }
}
