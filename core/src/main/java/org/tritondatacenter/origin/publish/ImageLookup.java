package org.tritondatacenter.origin.publish;

import java.util.Optional;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.imgapi.Image;
import org.tritondatacenter.origin.imgapi.ImageFile;
import org.tritondatacenter.origin.imgapi.ImageState;
import org.tritondatacenter.origin.imgapi.ImgapiClient;

/** Reads the target server's view of an image or its origin, in every channel. */
final class ImageLookup {
  private final ImgapiClient imgapi;
  private final boolean channels;

  /**
   * @param channels false for a public-mode server, which has no channels and so is asked without
   *     any
   */
  ImageLookup(ImgapiClient imgapi, boolean channels) {
    this.imgapi = imgapi;
    this.channels = channels;
  }

  /** Calls GetImage in every channel; empty when the server does not have the image. */
  Optional<Image> find(String uuid) {
    return find(uuid, channels ? "*" : null);
  }

  private Optional<Image> find(String uuid, String channel) {
    try {
      return Optional.of(imgapi.getImage(uuid, channel));
    } catch (TritonApiException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Checks that the image found with the manifest's uuid is the one being published: same name and
   * version, and, once it has a file, the same file.
   *
   * @throws TritonException naming both sides when they differ
   */
  static void checkSame(Image found, PublishItem item) {
    var m = item.manifest();
    if (!m.name().equals(found.name()) || !m.version().equals(found.version())) {
      throw new TritonException(
          "image "
              + m.uuid()
              + " already exists on the server as "
              + found.name()
              + "@"
              + found.version()
              + ", not as "
              + m.name()
              + "@"
              + m.version()
              + " from "
              + item.source()
              + "; the uuid is taken by another image");
    }
    ImageFile have = found.file();
    ImageFile want = m.file();
    if (found.state() != ImageState.UNACTIVATED
        && have != null
        && have.isVerifiable()
        && (!have.sha1().equalsIgnoreCase(want.sha1()) || !have.size().equals(want.size()))) {
      throw new TritonException(
          "image "
              + item.describe()
              + " is already "
              + found.state().wireName()
              + " on the server with a different file (sha1 "
              + have.sha1()
              + ", "
              + have.size()
              + " bytes) than "
              + item.source()
              + " gives (sha1 "
              + want.sha1()
              + ", "
              + want.size()
              + " bytes); it cannot be replaced");
    }
  }

  /**
   * Checks that the origin of an incremental image is active in {@code channel}: IMGAPI itself only
   * checks that it exists somewhere, and an image whose origin is missing from the channel cannot
   * be imported by those who use that channel.
   */
  void checkOrigin(PublishItem item, String channel) {
    String origin = item.manifest().origin();
    if (origin == null) {
      return;
    }
    Optional<Image> inChannel = find(origin, channels ? channel : null);
    if (inChannel.isEmpty()) {
      Optional<Image> anywhere = channels ? find(origin, "*") : Optional.empty();
      if (anywhere.isEmpty()) {
        throw new TritonException(
            "the origin "
                + origin
                + " of image "
                + item.describe()
                + " is not on IMGAPI "
                + imgapi.endpoint().baseUrl()
                + "; import the origin chain there first (the base image and each image it builds"
                + " on), then publish again");
      }
      Image found = anywhere.get();
      throw new TritonException(
          "the origin "
              + describe(found)
              + " of image "
              + item.describe()
              + " is not in channel '"
              + channel
              + "' (it is in: "
              + String.join(", ", found.channels())
              + "); add it first, for example with imgadmChannelAdd uuids: ['"
              + origin
              + "'], fromChannel: '"
              + (found.channels().isEmpty() ? "dev" : found.channels().get(0))
              + "', channels: ['"
              + channel
              + "']");
    }
    Image found = inChannel.get();
    if (found.state() != ImageState.ACTIVE) {
      throw new TritonException(
          "the origin "
              + describe(found)
              + " of image "
              + item.describe()
              + " is "
              + found.state().wireName()
              + ", not active; an image built on it could not be used");
    }
  }

  static String describe(Image image) {
    return image.uuid() + " (" + image.name() + "@" + image.version() + ")";
  }
}
