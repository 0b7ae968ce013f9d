package org.tritondatacenter.origin.bench;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import java.util.UUID;
import org.tritondatacenter.origin.http.ApiClient;
import org.tritondatacenter.origin.http.ApiRequest;
import org.tritondatacenter.origin.http.ApiResponse;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.imgapi.Compression;
import org.tritondatacenter.origin.imgapi.Image;
import org.tritondatacenter.origin.imgapi.ImageManifest;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.manta.MantaPath;
import org.tritondatacenter.origin.manta.PutObjectResult;
import org.tritondatacenter.origin.manta.PutOptions;

/**
 * The operations {@link ClientMain} times. The {@code -raw} ones are baseline R: the same request
 * to the same endpoint through the same HTTP layer, with the digests switched off. Each returns the
 * number of bytes moved once the server has answered with success (and the typed clients have
 * checked its digests against their own).
 */
final class ClientOperations {
  private static final String OCTET_STREAM = "application/octet-stream";

  private ClientOperations() {}

  /** One prepared measurement: running it moves (or hashes) the bytes and returns their count. */
  @FunctionalInterface
  interface Transfer {
    long run() throws Exception;
  }

  /**
   * Prepares {@code operation}: clients, keys, the image to upload into and warm-up happen here,
   * outside the timed part.
   */
  static Transfer prepare(String operation, Map<String, String> args) throws Exception {
    return switch (operation) {
      case "digest" -> digest(arg(args, "alg"), Long.parseLong(arg(args, "bytes")));
      case "put" -> put(args);
      case "put-raw" -> putRaw(args);
      case "add-file" -> addFile(args, false);
      case "add-file-raw" -> addFile(args, true);
      case "publish" -> publish(args);
      default ->
          throw new IllegalArgumentException(
              "unknown operation '"
                  + operation
                  + "'; use digest, put, put-raw, add-file, add-file-raw or publish");
    };
  }

  /**
   * Baselines M and S: one core hashing an in-memory buffer in 64 KiB updates, after a warm-up pass
   * so the JIT has compiled the intrinsic.
   */
  private static Transfer digest(String algorithm, long bytes) throws Exception {
    byte[] buffer = new byte[64 * 1024 * 1024];
    DataFile.fill(buffer, 42);
    MessageDigest digest = MessageDigest.getInstance(algorithm);
    hash(digest, buffer, buffer.length);
    return () -> {
      hash(digest, buffer, bytes);
      return bytes;
    };
  }

  private static void hash(MessageDigest digest, byte[] buffer, long bytes) {
    long left = bytes;
    int chunk = 64 * 1024;
    while (left > 0) {
      for (int off = 0; off < buffer.length && left > 0; off += chunk) {
        int n = (int) Math.min(chunk, left);
        digest.update(buffer, off, n);
        left -= n;
      }
    }
    digest.digest();
  }

  private static Transfer put(Map<String, String> args) {
    ClientConnection connection = connection(args);
    MantaClient manta = connection.mantaClient(URI.create(arg(args, "manta")));
    MantaPath path = manta.path(arg(args, "path"));
    ByteSource source = ByteSource.ofFile(Path.of(arg(args, "file")));
    // The known MD5 goes along only so that the bench-mode server can echo it instead of hashing;
    // the client still hashes every byte it sends and checks the answer against that.
    PutOptions options = PutOptions.builder().contentMd5(arg(args, "md5")).build();
    return () -> {
      PutObjectResult result = manta.putObject(path, source, options);
      return result.size();
    };
  }

  private static Transfer putRaw(Map<String, String> args) {
    ClientConnection connection = connection(args);
    ApiClient api = connection.rawManta(URI.create(arg(args, "manta")));
    ByteSource source = ByteSource.ofFile(Path.of(arg(args, "file")));
    MantaPath path = MantaPath.of(connection.account(), arg(args, "path"));
    ApiRequest request =
        ApiRequest.put("PutObject")
            .slashPath(path.toString())
            .header("Durability-Level", Integer.toString(PutOptions.DEFAULT_DURABILITY_LEVEL))
            .header("Expect", "100-continue")
            .header("Content-MD5", arg(args, "md5"))
            .body(source, OCTET_STREAM)
            .build();
    return () -> {
      try (ApiResponse response = api.open(request)) {
        if (response.header("computed-md5") == null) {
          throw new IllegalStateException("Manta answered PutObject without computed-md5");
        }
      }
      return source.size();
    };
  }

  private static Transfer addFile(Map<String, String> args, boolean raw) {
    ClientConnection connection = connection(args);
    URI url = URI.create(arg(args, "imgapi"));
    ImgapiClient imgapi = connection.imgapiClient(url);
    Path file = Path.of(arg(args, "file"));
    ByteSource source = ByteSource.ofFile(file);
    String sha1 = arg(args, "sha1");
    String uuid = importImage(imgapi);
    if (!raw) {
      return () ->
          imgapi.addImageFile(uuid, source, Compression.NONE, sha1, null, null).file().size();
    }
    ApiRequest request =
        ApiRequest.put("AddImageFile")
            .path("images", uuid, "file")
            .query("compression", Compression.NONE.wireName())
            .query("sha1", sha1)
            .body(source, OCTET_STREAM)
            .build();
    ApiClient api = connection.rawImgapi(url);
    return () -> {
      api.send(request);
      return source.size();
    };
  }

  /**
   * The streaming publish: Manta's GetObject (MD5 checked as the bytes leave Manta) feeds IMGAPI's
   * AddImageFile (SHA-1 computed as they go in), with nothing staged on disk.
   */
  private static Transfer publish(Map<String, String> args) {
    ClientConnection connection = connection(args);
    MantaClient manta = connection.mantaClient(URI.create(arg(args, "manta")));
    ImgapiClient imgapi = connection.imgapiClient(URI.create(arg(args, "imgapi")));
    MantaPath path = manta.path(arg(args, "path"));
    long size = Long.parseLong(arg(args, "size"));
    ByteSource fromManta =
        new ByteSource() {
          @Override
          public InputStream open() {
            return manta.getObject(path);
          }

          @Override
          public long size() {
            return size;
          }

          @Override
          public String describe() {
            return "manta:" + path;
          }
        };
    String uuid = importImage(imgapi);
    String sha1 = arg(args, "sha1");
    return () -> {
      Image image = imgapi.addImageFile(uuid, fromManta, Compression.NONE, sha1, size, null);
      return image.file().size();
    };
  }

  private static String importImage(ImgapiClient imgapi) {
    String uuid = UUID.randomUUID().toString();
    String json =
        "{\"v\":2,\"uuid\":\""
            + uuid
            + "\",\"owner\":\""
            + ImageManifest.ZERO_UUID
            + "\",\"name\":\"bench\",\"version\":\"1.0."
            + Math.abs(uuid.hashCode())
            + "\",\"type\":\"zone-dataset\",\"os\":\"smartos\",\"public\":false}";
    imgapi.adminImportImage(ImageManifest.parse(json, "bench manifest"), null);
    return uuid;
  }

  /** Returns a required {@code key=value} argument, naming it when it is missing. */
  static String arg(Map<String, String> args, String key) {
    String value = args.get(key);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(
          "missing argument " + key + "=...; BenchMain passes it, so run ClientMain through it");
    }
    return value;
  }

  private static ClientConnection connection(Map<String, String> args) {
    return new ClientConnection(arg(args, "account"), Path.of(arg(args, "key")));
  }
}
