package org.tritondatacenter.origin.publish;

import java.net.URI;
import java.time.Duration;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.imgapi.Compression;
import org.tritondatacenter.origin.imgapi.Image;
import org.tritondatacenter.origin.imgapi.ImageFile;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.imgapi.ImgapiErrors;

/** Gives an unactivated image its file, streamed or by signed URL, and checks what IMGAPI kept. */
final class FileAdder {
  /**
   * How long a signed URL stays valid. Manta checks expiry when IMGAPI's download starts, so a few
   * minutes cover the wait for IMGAPI to begin; a short life limits what a leaked URL could do.
   */
  static final Duration URL_VALIDITY = Duration.ofMinutes(10);

  private final ImgapiClient imgapi;
  private final FileSourceMode mode;
  private final EventListener listener;

  FileAdder(ImgapiClient imgapi, FileSourceMode mode, EventListener listener) {
    this.imgapi = imgapi;
    this.mode = mode;
    this.listener = listener;
  }

  /** Returns true when the item's file will be handed over by URL rather than streamed. */
  boolean usesUrl(PublishItem item) {
    return switch (mode) {
      case URL -> true;
      case STREAM -> false;
      case AUTO -> item.file().urlPreferred();
    };
  }

  /** Adds the file of {@code item} to its image in {@code channel} and returns the image. */
  Image add(PublishItem item, String channel) {
    ImageFile expected = item.manifest().file();
    Compression compression = compression(item, expected);
    if (!usesUrl(item)) {
      return stream(item, expected, compression, channel);
    }
    try {
      return byUrl(item, expected, compression, channel);
    } catch (TritonApiException e) {
      if (mode != FileSourceMode.AUTO || !e.hasCode(ImgapiErrors.DOWNLOAD)) {
        throw e;
      }
      // IMGAPI may not reach the Manta URL (a private network, a certificate it does not trust):
      // the bytes can still go through here, once.
      listener.on(
          new Event.Warning(
              "IMGAPI could not download "
                  + item.file().describe()
                  + " by signed URL ("
                  + e.getMessage()
                  + "); streaming it instead"));
      return stream(item, expected, compression, channel);
    }
  }

  private Image stream(
      PublishItem item, ImageFile expected, Compression compression, String channel) {
    listener.on(
        new Event.Info(
            "streaming "
                + item.file().describe()
                + " to IMGAPI as the file of "
                + item.describe()));
    return imgapi.addImageFile(
        item.manifest().uuid(),
        item.file().bytes(),
        compression,
        expected.sha1(),
        expected.size(),
        channel);
  }

  private Image byUrl(
      PublishItem item, ImageFile expected, Compression compression, String channel) {
    URI url =
        item.file()
            .signUrl(URL_VALIDITY)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "fileSource url needs a file in Manta: " + item.file().describe()));
    listener.on(
        new Event.Info(
            "IMGAPI fetches "
                + item.file().describe()
                + " by signed URL as the file of "
                + item.describe()));
    Image image =
        imgapi.addImageFileFromUrl(
            item.manifest().uuid(), url, compression, expected.sha1(), channel);
    check(image.file(), expected, item);
    return image;
  }

  /** Compares what IMGAPI recorded with the manifest; a missing value proves nothing. */
  static void check(ImageFile recorded, ImageFile expected, PublishItem item) {
    if (recorded == null || !recorded.isVerifiable()) {
      throw new TritonIoException(
          "IMGAPI answered for image "
              + item.describe()
              + " without the file's sha1 and size, so the file cannot be verified");
    }
    if (!recorded.sha1().equalsIgnoreCase(expected.sha1())
        || !recorded.size().equals(expected.size())) {
      throw new TritonIoException(
          "IMGAPI recorded the file of image "
              + item.describe()
              + " as sha1 "
              + recorded.sha1()
              + ", "
              + recorded.size()
              + " bytes, but the manifest gives sha1 "
              + expected.sha1()
              + ", "
              + expected.size()
              + " bytes");
    }
  }

  static Compression compression(PublishItem item, ImageFile expected) {
    return expected.compression() != null
        ? Compression.fromWireName(expected.compression())
        : Compression.fromFileName(item.file().describe());
  }
}
