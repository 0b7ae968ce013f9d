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
import org.tritondatacenter.origin.imgapi.ImageFile;
import org.tritondatacenter.origin.imgapi.ImageManifest;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.manta.DirectoryEntry;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.manta.MantaPath;
import org.tritondatacenter.origin.steps.ExportResult;

/**
 * Turns each source form of {@code imgadmPublish} into the images to publish: an export result, a
 * Manta build directory, one manifest and file (each on disk or in Manta), or images on another
 * IMGAPI server. Manifests are read and parsed here, so a bad one fails before anything is
 * published.
 */
public final class PublishSources {
  /** Manifests are a few KiB; anything larger is not one. */
  static final int MAX_MANIFEST_BYTES = 1024 * 1024;

  private static final String MANIFEST_SUFFIX = ".imgmanifest";

  private PublishSources() {}

  /**
   * Returns the image described by a manifest file on disk, with its file on disk.
   *
   * @throws TritonException naming the path when either is missing or the manifest is not one
   */
  public static PublishItem fromLocalFiles(Path manifest, Path file) {
    Objects.requireNonNull(manifest, "manifest == null");
    Objects.requireNonNull(file, "file == null");
    ImageManifest parsed = parseLocal(manifest);
    if (!Files.isRegularFile(file)) {
      throw new TritonException(
          "the image file " + file + " does not exist or is not a file; give the file's path");
    }
    return new PublishItem(
        parsed, ImageFileSource.streamOnly(ByteSource.ofFile(file)), manifest.toString());
  }

  private static ImageManifest parseLocal(Path manifest) {
    try {
      return ImageManifest.parse(readLocal(manifest), manifest.toString());
    } catch (IllegalArgumentException e) {
      throw new TritonException(e.getMessage(), e);
    }
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
   * Returns the images of a finished export: each rewritten manifest and its file, both in Manta.
   * Calls Manta GetObject for each manifest and HEAD for each file, which must still have the MD5
   * the export recorded.
   *
   * @param urlPreferred true when Manta is served over https, so IMGAPI may fetch by signed URL
   * @throws TritonException naming the path that is missing or changed
   */
  public static List<PublishItem> fromExport(
      ExportResult export, MantaClient manta, boolean urlPreferred) {
    Objects.requireNonNull(export, "export == null");
    MantaFiles files = new MantaFiles(manta, urlPreferred);
    List<PublishItem> items = new ArrayList<>();
    for (ExportResult.Image image : export.images()) {
      MantaPath manifestPath = manta.path(image.manifest());
      ImageManifest manifest = files.manifest(manifestPath);
      if (!image.uuid().equals(manifest.uuid())) {
        throw new TritonException(
            "the manifest "
                + manifestPath
                + " is of image "
                + manifest.uuid()
                + ", but the export lists it for image "
                + image.uuid());
      }
      items.add(item(files, manifestPath, manifest, manta.path(image.file())));
    }
    return items;
  }

  /**
   * Returns every image of a Manta build directory: each {@code *.imgmanifest} with the file beside
   * it named as CloudAPI's ExportImage names it ({@code <base>.zfs.gz} for gzip, {@code .zfs.bz2},
   * {@code .zfs.xz}, or {@code .zfs} for none). Calls Manta ListDirectory, GetObject and HEAD.
   *
   * @throws TritonException when the directory is missing or holds no manifest
   */
  public static List<PublishItem> fromMantaDirectory(
      MantaClient manta, String directory, boolean urlPreferred) {
    MantaPath dir = manta.path(directory);
    MantaFiles files = new MantaFiles(manta, urlPreferred);
    List<String> names;
    try {
      names =
          manta.listDirectory(dir).stream()
              .filter(e -> !e.isDirectory() && e.name().endsWith(MANIFEST_SUFFIX))
              .map(DirectoryEntry::name)
              .sorted()
              .toList();
    } catch (TritonApiException e) {
      if (e.isNotFound()) {
        throw new TritonException("the build directory " + dir + " does not exist in Manta", e);
      }
      throw e;
    }
    if (names.isEmpty()) {
      throw new TritonException(
          "the build directory "
              + dir
              + " holds no *"
              + MANIFEST_SUFFIX
              + " file; give the directory mantaExport wrote");
    }
    List<PublishItem> items = new ArrayList<>();
    for (String name : names) {
      MantaPath manifestPath = dir.resolve(name);
      ImageManifest manifest = files.manifest(manifestPath);
      String base = name.substring(0, name.length() - MANIFEST_SUFFIX.length());
      items.add(item(files, manifestPath, manifest, dir.resolve(base + fileSuffix(manifest))));
    }
    return items;
  }

  /**
   * Returns one image from a manifest and a file, each a local path or a Manta path ({@code
   * /<login>/stor/...} or {@code /<login>/public/...} of the Manta account).
   *
   * @param manta the Manta client, or null when both paths are local
   */
  public static PublishItem fromManifestAndFile(
      String manifest, String file, MantaClient manta, boolean urlPreferred) {
    boolean manifestInManta = manta != null && isMantaPath(manifest, manta.login());
    boolean fileInManta = manta != null && isMantaPath(file, manta.login());
    if (!manifestInManta && !fileInManta) {
      return fromLocalFiles(Path.of(manifest), Path.of(file));
    }
    MantaFiles files = new MantaFiles(manta, urlPreferred);
    ImageManifest parsed =
        manifestInManta ? files.manifest(manta.path(manifest)) : parseLocal(Path.of(manifest));
    if (!fileInManta) {
      Path local = Path.of(file);
      if (!Files.isRegularFile(local)) {
        throw new TritonException(
            "the image file " + file + " does not exist or is not a file; give the file's path");
      }
      return new PublishItem(
          parsed, ImageFileSource.streamOnly(ByteSource.ofFile(local)), manifest);
    }
    return item(files, manifest, parsed, manta.path(file));
  }

  /** Returns true when {@code path} names something in the Manta account {@code login}. */
  public static boolean isMantaPath(String path, String login) {
    return path.startsWith("/" + login + "/stor/")
        || path.startsWith("/" + login + "/public/")
        || path.startsWith("~~/");
  }

  private static PublishItem item(
      MantaFiles files, Object manifestPath, ImageManifest manifest, MantaPath file) {
    ImageFile expected = fileOf(manifest, manifestPath);
    return new PublishItem(manifest, files.file(file, expected.size()), manifestPath.toString());
  }

  private static ImageFile fileOf(ImageManifest manifest, Object source) {
    ImageFile file;
    try {
      file = manifest.file();
    } catch (IllegalArgumentException e) {
      throw new TritonException("the manifest " + source + ": " + e.getMessage(), e);
    }
    if (file == null || !file.isVerifiable()) {
      throw new TritonException(
          "the manifest "
              + source
              + " has no files[0] with sha1 and size; publish needs a complete image manifest,"
              + " such as CloudAPI ExportImage writes");
    }
    return file;
  }

  /** Returns the suffix ExportImage gives the file: {@code .zfs} and the compression's. */
  static String fileSuffix(ImageManifest manifest) {
    ImageFile file = fileOf(manifest, manifest.uuid());
    String compression = file.compression() == null ? "gzip" : file.compression();
    return switch (compression) {
      case "gzip" -> ".zfs.gz";
      case "bzip2" -> ".zfs.bz2";
      case "xz" -> ".zfs.xz";
      case "none" -> ".zfs";
      default ->
          throw new TritonException(
              "the manifest of image "
                  + manifest.uuid()
                  + " has compression '"
                  + compression
                  + "', which IMGAPI does not know");
    };
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
