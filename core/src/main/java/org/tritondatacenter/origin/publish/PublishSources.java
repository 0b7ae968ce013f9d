package org.tritondatacenter.origin.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.imgapi.Image;
import org.tritondatacenter.origin.imgapi.ImageManifest;
import org.tritondatacenter.origin.imgapi.ImgapiClient;

/**
 * Turns each source form of {@code imgadmPublish} into the images to publish: a local manifest and
 * file, or images on another IMGAPI server. Manifests are read and parsed here, so a bad one fails
 * before anything is published.
 */
public final class PublishSources {
  /** Manifests are a few KiB; anything larger is not one. */
  static final int MAX_MANIFEST_BYTES = 1024 * 1024;

  private PublishSources() {}

  /**
   * Returns the image described by a manifest file on disk, with its file on disk.
   *
   * @throws TritonException naming the path when either is missing or the manifest is not one
   */
  public static PublishItem fromLocalFiles(Path manifest, Path file) {
    Objects.requireNonNull(manifest, "manifest == null");
    Objects.requireNonNull(file, "file == null");
    ImageManifest parsed = ImageManifest.parse(readLocal(manifest), manifest.toString());
    if (!Files.isRegularFile(file)) {
      throw new TritonException(
          "the image file " + file + " does not exist or is not a file; give the file's path");
    }
    return new PublishItem(
        parsed, ImageFileSource.streamOnly(ByteSource.ofFile(file)), manifest.toString());
  }

  /** Reads a manifest from disk, refusing anything too large to be one. */
  static String readLocal(Path manifest) {
    try (InputStream in = Files.newInputStream(manifest)) {
      byte[] bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
      if (bytes.length > MAX_MANIFEST_BYTES) {
        throw new TritonException(
            "the manifest "
                + manifest
                + " is larger than "
                + MAX_MANIFEST_BYTES
                + " bytes; is it the image file rather than its manifest?");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new TritonException(
          "the manifest " + manifest + " does not exist; give the .imgmanifest file's path", e);
    } catch (IOException e) {
      throw new TritonException("cannot read the manifest " + manifest + ": " + e.getMessage(), e);
    }
  }

  /**
   * Returns the images {@code uuids} of another IMGAPI server, found in any of its channels: the
   * manifest from GetImage, the file from GetImageFile, downloaded afresh for each upload attempt
   * and checked against the manifest's SHA-1 and size. Calls IMGAPI GetImage.
   *
   * @throws TritonException naming the image when it is missing or has no file yet
   */
  public static List<PublishItem> fromImgapi(ImgapiClient source, List<String> uuids) {
    Objects.requireNonNull(source, "source == null");
    List<PublishItem> items = new ArrayList<>();
    String where = "IMGAPI " + source.endpoint().baseUrl();
    for (String uuid : uuids) {
      Image image;
      try {
        image = source.getImage(uuid, "*");
      } catch (TritonApiException e) {
        if (e.isNotFound()) {
          throw new TritonException("image " + uuid + " is not on the source " + where, e);
        }
        throw e;
      }
      if (image.file() == null || !image.file().isVerifiable()) {
        throw new TritonException(
            "image "
                + uuid
                + " on the source "
                + where
                + " has no file yet (state "
                + image.state().wireName()
                + "); publish it there first");
      }
      ImageFileSource file = ImageFileSource.streamOnly(source.imageFileSource(image, "*"));
      items.add(new PublishItem(image.manifest(), file, "image " + uuid + " on " + where));
    }
    return items;
  }
}
