package org.tritondatacenter.origin.testkit.cloudapi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tritondatacenter.origin.testkit.SimulatorContext;
import org.tritondatacenter.origin.testkit.http.ApiError;
import org.tritondatacenter.origin.testkit.http.Json;
import org.tritondatacenter.origin.testkit.manta.MantaStore;

/**
 * ExportImage ({@code POST /:login/images/:id?action=export&manta_path=...}): writes the full
 * IMGAPI manifest and the image file into the caller's Manta area, as IMGAPI does with its own
 * identity, and answers only when both objects are written.
 *
 * <p>Naming follows IMGAPI: an existing directory gets {@code <name>-<version>.imgmanifest} and
 * {@code .zfs.gz} inside it; any other path is a prefix, whose parent directory must already exist,
 * because IMGAPI writes with a plain PUT and creates no directories.
 */
final class ExportImage {
  private final SimulatorContext context;
  private final MantaStore manta;

  ExportImage(SimulatorContext context, MantaStore manta) {
    this.context = context;
    this.manta = manta;
  }

  void handle(Call call, SimImage image) throws IOException {
    String mantaPath = call.params().required("manta_path");
    String path = normalize(mantaPath);
    List<String> segments = List.of(path.substring(1).split("/"));
    if (segments.isEmpty() || !segments.get(0).equals(call.login())) {
      throw ApiError.unprocessable(
          "NotMantaPathOwner",
          "account "
              + call.login()
              + " does not own Manta path "
              + mantaPath
              + "; use a path under /"
              + call.login()
              + "/");
    }
    String state = image.state(call.now());
    if (!state.equals("active")) {
      throw ApiError.unprocessable(
          "ImageNotActive", "image " + image.id() + " is " + state + "; only active images export");
    }
    ImageFile file = image.file();
    if (file == null) {
      throw new ApiError(
          503, "StorageUnsupported", "image " + image.id() + " has no file stored in Manta");
    }
    String base;
    if (manta.isDirectory(path)) {
      base = path + "/" + image.name() + "-" + image.version();
    } else {
      String parent = path.substring(0, path.lastIndexOf('/'));
      if (!manta.isDirectory(parent)) {
        throw new ApiError(
            500,
            "InternalError",
            "error exporting image manifest: DirectoryDoesNotExist: " + parent + " does not exist");
      }
      base = path;
    }
    String manifestPath = base + ".imgmanifest";
    String imagePath = base + ".zfs" + extension(ImageFile.COMPRESSION);
    byte[] manifest = Json.writePretty(image.manifest(call.now())).getBytes(StandardCharsets.UTF_8);
    put(
        "manifest",
        manifestPath,
        "application/json",
        new ByteArrayInputStream(manifest),
        manifest.length);
    try (InputStream in = Files.newInputStream(file.path())) {
      put("file", imagePath, "application/octet-stream", in, file.size());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("manta_url", InfoEndpoints.mantaUrl(context));
    body.put("image_path", imagePath);
    body.put("manifest_path", manifestPath);
    call.send(200, body);
  }

  private void put(String what, String path, String type, InputStream data, long size) {
    try {
      manta.putObject(path, type, data, size);
    } catch (ApiError e) {
      throw new ApiError(
          500,
          "InternalError",
          "error exporting image " + what + ": " + e.code() + ": " + e.getMessage());
    } catch (IOException e) {
      throw new ApiError(
          500, "InternalError", "error exporting image " + what + ": " + e.getMessage());
    }
  }

  private static String normalize(String mantaPath) {
    String path = mantaPath.strip();
    while (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path.startsWith("/") ? path : "/" + path;
  }

  /** IMGAPI names the file after {@code files[0].compression}. */
  static String extension(String compression) {
    return switch (compression) {
      case "gzip" -> ".gz";
      case "bzip2" -> ".bz2";
      case "xz" -> ".xz";
      default -> "";
    };
  }
}
