package org.tritondatacenter.origin.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.imgapi.Channel;
import org.tritondatacenter.origin.imgapi.Image;
import org.tritondatacenter.origin.imgapi.ImageQuery;
import org.tritondatacenter.origin.imgapi.ImageState;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.imgapi.ImgapiErrors;

/** Finds the images a channel-add request names, reading only. */
final class ImageSelector {
  private final ImgapiClient imgapi;

  ImageSelector(ImgapiClient imgapi) {
    this.imgapi = imgapi;
  }

  /**
   * Checks that the source and every target channel exist on the server, so a misspelt channel
   * fails before anything changes rather than with a 422 half-way.
   */
  void checkChannels(ChannelAddRequest request) {
    List<Channel> channels;
    try {
      channels = imgapi.listChannels();
    } catch (TritonApiException e) {
      if (e.isNotFound()) {
        throw new TritonException(
            "IMGAPI "
                + imgapi.endpoint().baseUrl()
                + " has no channels (ListChannels answered 404); channel-add needs a server with"
                + " channels, such as an updates server");
      }
      throw e;
    }
    List<String> names = channels.stream().map(Channel::name).toList();
    List<String> wanted = new ArrayList<>();
    wanted.add(request.fromChannel());
    wanted.addAll(request.channels());
    for (String channel : wanted) {
      if (!names.contains(channel)) {
        throw new TritonException(
            "channel '"
                + channel
                + "' does not exist on IMGAPI "
                + imgapi.endpoint().baseUrl()
                + "; its channels are "
                + String.join(", ", names));
      }
    }
  }

  /** Returns the selected images, each active and in the source channel. */
  List<Image> select(ChannelAddRequest request) {
    return request.selectsByName() ? byName(request) : byUuids(request);
  }

  private List<Image> byUuids(ChannelAddRequest request) {
    List<Image> images = new ArrayList<>();
    for (String uuid : request.uuids()) {
      Image image = find(uuid, request.fromChannel());
      if (image.state() != ImageState.ACTIVE) {
        throw new TritonException(
            "image "
                + describe(image)
                + " is "
                + image.state().wireName()
                + ", not active; only published (active) images are promoted");
      }
      images.add(image);
    }
    return images;
  }

  private Image find(String uuid, String channel) {
    try {
      return imgapi.getImage(uuid, channel);
    } catch (TritonApiException e) {
      if (!e.isNotFound() && !e.hasCode(ImgapiErrors.RESOURCE_NOT_FOUND)) {
        throw e;
      }
    }
    Image elsewhere;
    try {
      elsewhere = imgapi.getImage(uuid, "*");
    } catch (TritonApiException e) {
      if (e.isNotFound()) {
        throw new TritonException(
            "image " + uuid + " is not on IMGAPI " + imgapi.endpoint().baseUrl(), e);
      }
      throw e;
    }
    throw new TritonException(
        "image "
            + describe(elsewhere)
            + " is not in channel '"
            + channel
            + "' but in "
            + (elsewhere.channels().isEmpty()
                ? "no channel"
                : String.join(", ", elsewhere.channels()))
            + "; set fromChannel to one of those");
  }

  private List<Image> byName(ChannelAddRequest request) {
    ImageQuery query =
        ImageQuery.builder()
            .channel(request.fromChannel())
            .name("~" + request.name())
            .version(request.version())
            .build();
    List<Image> found = imgapi.listImages(query);
    if (found.isEmpty()) {
      throw new TritonException(
          "no active image in channel '"
              + request.fromChannel()
              + "' of IMGAPI "
              + imgapi.endpoint().baseUrl()
              + " has a name containing '"
              + request.name()
              + "' and version '"
              + request.version()
              + "'; check the name filter, the version and fromChannel");
    }
    return request.latest() ? Image.latest(found) : found;
  }

  static String describe(Image image) {
    return image.uuid() + " (" + image.name() + "@" + image.version() + ")";
  }

  static String describeAll(List<Image> images) {
    return images.stream().map(ImageSelector::describe).collect(Collectors.joining(", "));
  }
}
