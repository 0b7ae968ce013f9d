package org.tritondatacenter.origin.imgapi;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An image as IMGAPI returns it: the fields callers act on, typed, and the whole {@link
 * #manifest()} for anything else. It serialises as its manifest.
 *
 * @param uuid the image UUID
 * @param owner the owner UUID
 * @param name the name
 * @param version the version
 * @param state the state; {@link ImageState#UNKNOWN} when absent or new
 * @param disabled true when disabled
 * @param isPublic the {@code public} flag; false when absent
 * @param publishedAt when it was activated, or null before that (or when unreadable)
 * @param type such as {@code zone-dataset}
 * @param os such as {@code smartos}
 * @param origin the origin image UUID, or null
 * @param files its files, empty before AddImageFile
 * @param channels the channels it is in; empty when the server has none
 * @param error why it failed, or null
 * @param manifest every field as IMGAPI sent it
 */
public record Image(
    String uuid,
    String owner,
    String name,
    String version,
    ImageState state,
    boolean disabled,
    boolean isPublic,
    Instant publishedAt,
    String type,
    String os,
    String origin,
    List<ImageFile> files,
    List<String> channels,
    ImageError error,
    ImageManifest manifest) {

  /** Copies the lists and requires the manifest. */
  public Image {
    Objects.requireNonNull(manifest, "manifest == null");
    Objects.requireNonNull(state, "state == null");
    files = files == null ? List.of() : List.copyOf(files);
    channels = channels == null ? List.of() : List.copyOf(channels);
  }

  /**
   * Returns the image described by {@code manifest}.
   *
   * @throws IllegalArgumentException when a {@code files} entry has fields of the wrong type
   */
  public static Image of(ImageManifest manifest) {
    List<ImageFile> files = new ArrayList<>();
    if (manifest.files() != null) {
      for (int i = 0; i < manifest.files().size(); i++) {
        files.add(
            ImageFile.from(
                manifest.files().get(i), "files[" + i + "] of image " + manifest.uuid()));
      }
    }
    return new Image(
        manifest.uuid(),
        manifest.owner(),
        manifest.name(),
        manifest.version(),
        manifest.imageState(),
        Boolean.TRUE.equals(manifest.disabled()),
        Boolean.TRUE.equals(manifest.isPublic()),
        instant(manifest.publishedAt()),
        manifest.type(),
        manifest.os(),
        manifest.origin(),
        files,
        manifest.channels(),
        ImageError.from(manifest.error()),
        manifest);
  }

  /** Reads an image from its JSON tree. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Image fromTree(JsonNode tree) {
    return of(ImageManifest.fromTree(tree));
  }

  /** Returns the image's JSON tree, its manifest. */
  @JsonValue
  public ObjectNode toTree() {
    return manifest.toTree();
  }

  /** Returns the first (and only) file, or null before AddImageFile. */
  public ImageFile file() {
    return files.isEmpty() ? null : files.get(0);
  }

  /** Returns true when the image is in {@code channel}. */
  public boolean isInChannel(String channel) {
    return channels.contains(channel);
  }

  /**
   * Keeps, for each owner and name, the image with the newest {@code published_at}, as {@code
   * updates-imgadm list --latest} does; the first of equals wins and an unpublished image counts as
   * oldest. The result keeps the order of {@code images}.
   */
  public static List<Image> latest(Collection<Image> images) {
    Map<String, Image> newest = new LinkedHashMap<>();
    for (Image image : images) {
      String key = image.owner() + ":" + image.name();
      Image kept = newest.get(key);
      if (kept == null || isNewer(image.publishedAt(), kept.publishedAt())) {
        newest.put(key, image);
      }
    }
    List<Image> result = new ArrayList<>();
    for (Image image : images) {
      if (newest.get(image.owner() + ":" + image.name()) == image) {
        result.add(image);
      }
    }
    return List.copyOf(result);
  }

  private static boolean isNewer(Instant candidate, Instant kept) {
    return candidate != null && (kept == null || candidate.isAfter(kept));
  }

  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Names the image and its state. */
  @Override
  public String toString() {
    return "Image[" + uuid + " " + name + "@" + version + ", " + state.wireName() + "]";
  }
}
