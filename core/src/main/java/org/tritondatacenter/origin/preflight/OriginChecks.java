package org.tritondatacenter.origin.preflight;

import java.util.List;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.cloudapi.Image;
import org.tritondatacenter.origin.cloudapi.ImageState;
import org.tritondatacenter.origin.images.ImageSpec;
import org.tritondatacenter.origin.images.KnownBrokenOrigins;
import org.tritondatacenter.origin.imgapi.ImgapiClient;

/** Checks one origin image in the datacenter and in the publish target's channel. */
final class OriginChecks {
  private OriginChecks() {}

  /**
   * Checks that the origin exists in the datacenter, is active, carries the name and version
   * images.json gives it, and is not known to be broken. Adds a problem for each failure.
   *
   * @param usedBy the image names built on this origin, for messages
   */
  static void inDatacenter(
      CloudApiClient cloudApi,
      ImageSpec.Origin origin,
      List<String> usedBy,
      boolean allowKnownBroken,
      List<String> problems) {
    String what = "origin " + origin + " of " + String.join(", ", usedBy);
    Image image;
    try {
      image = cloudApi.getImage(origin.uuid());
    } catch (TritonApiException e) {
      if (e.isNotFound()) {
        problems.add(
            what
                + " does not exist in the datacenter ("
                + cloudApi.endpoint().baseUrl()
                + "), or the account may not use it; import it into the datacenter first, or fix"
                + " origin.uuid in images.json");
      } else {
        problems.add(what + " could not be read: " + e.getMessage());
      }
      return;
    } catch (TritonException e) {
      problems.add(what + " could not be read: " + e.getMessage());
      return;
    }
    if (image.state() != ImageState.ACTIVE) {
      problems.add(
          what
              + " is "
              + image.state()
              + " in the datacenter, not active; machines cannot be made from it. Use an active"
              + " origin, or activate this one");
    }
    if (!origin.name().equals(image.name()) || !origin.version().equals(image.version())) {
      problems.add(
          "images.json names origin "
              + origin.uuid()
              + " "
              + origin.name()
              + "@"
              + origin.version()
              + ", but the datacenter's image "
              + origin.uuid()
              + " is "
              + image.name()
              + "@"
              + image.version()
              + "; fix origin.name and origin.version, or origin.uuid, in images.json");
    }
    try {
      KnownBrokenOrigins.check(image.name(), image.version(), allowKnownBroken);
    } catch (TritonException e) {
      problems.add(e.getMessage() + " (the datacenter's image " + origin.uuid() + ")");
    }
  }

  /**
   * Checks that the origin is active in the publish channel. IMGAPI itself only checks that an
   * imported image's origin exists in some channel (TOOLS-2196), but consumers of the channel must
   * be able to import the whole origin chain from it.
   */
  static void inChannel(
      ImgapiClient imgapi,
      String channel,
      ImageSpec.Origin origin,
      List<String> usedBy,
      List<String> problems) {
    String where =
        (channel == null ? "the default channel" : "channel '" + channel + "'")
            + " of IMGAPI "
            + imgapi.endpoint().baseUrl();
    String what = "origin " + origin + " of " + String.join(", ", usedBy);
    try {
      org.tritondatacenter.origin.imgapi.Image image = imgapi.getImage(origin.uuid(), channel);
      if (image.state() != org.tritondatacenter.origin.imgapi.ImageState.ACTIVE) {
        problems.add(
            what
                + " is "
                + image.state().wireName()
                + " in "
                + where
                + ", not active; activate it there before publishing images built on it");
      }
    } catch (TritonApiException e) {
      if (e.isNotFound()) {
        problems.add(
            what
                + " is not in "
                + where
                + ": images built on it would be published where their origin cannot be imported"
                + " from (TOOLS-2196). Add it to that channel first, for example with"
                + " imgadmChannelAdd(uuids: ['"
                + origin.uuid()
                + "'], channels: ['"
                + (channel == null ? "<channel>" : channel)
                + "']) or updates-imgadm channel-add");
      } else {
        problems.add(what + " could not be looked up in " + where + ": " + e.getMessage());
      }
    } catch (TritonException e) {
      problems.add(what + " could not be looked up in " + where + ": " + e.getMessage());
    }
  }
}
