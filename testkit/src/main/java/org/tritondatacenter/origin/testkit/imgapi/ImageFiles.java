package org.tritondatacenter.origin.testkit.imgapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.tritondatacenter.origin.testkit.http.ApiError;

/**
 * Image files on disk, one directory per image under the server's data directory. Bytes are
 * streamed through SHA-1 and MD5 into a temporary file and moved into place only once every check
 * passed, so a refused or replaced upload never leaves a half-written file behind. The digests are
 * skipped in bench mode and the bytes are not kept in {@code StorageMode.DISCARD}.
 */
final class ImageFiles {
  private static final int BUFFER = 64 * 1024;

  private final Path root;
  private final boolean keepBytes;
  private final boolean hash;

  /**
   * Creates the store.
   *
   * @param keepBytes false in storage mode DISCARD: only size and digests are kept
   * @param hash false in bench mode: the server does not digest what it receives
   */
  ImageFiles(Path root, boolean keepBytes, boolean hash) {
    this.root = root;
    this.keepBytes = keepBytes;
    this.hash = hash;
  }

  /**
   * What a transfer delivered.
   *
   * @param temp the temporary file holding the bytes, or null when they were not kept
   * @param sha1 lowercase hex SHA-1, or null when not computed (bench mode)
   * @param md5Base64 base64 MD5, or null when not computed
   * @param size the byte count
   */
  record Received(Path temp, String sha1, String md5Base64, long size) {}

  boolean hashes() {
    return hash;
  }

  /**
   * Streams {@code in} to a temporary file of image {@code uuid}.
   *
   * @throws ApiError 400 {@code Upload} as soon as more than {@code maxBytes} arrive
   * @throws IOException when reading the source fails (the temporary file is removed)
   */
  Received receive(String uuid, InputStream in, long maxBytes) throws IOException {
    Path temp = null;
    if (keepBytes) {
      Path dir = Files.createDirectories(root.resolve(uuid));
      temp = Files.createTempFile(dir, "file0-", ".part");
    }
    MessageDigest sha1 = hash ? digest("SHA-1") : null;
    MessageDigest md5 = hash ? digest("MD5") : null;
    long size = 0;
    boolean ok = false;
    try (OutputStream out =
        temp == null ? OutputStream.nullOutputStream() : Files.newOutputStream(temp)) {
      byte[] buf = new byte[BUFFER];
      int n;
      while ((n = in.read(buf)) > 0) {
        size += n;
        if (size > maxBytes) {
          throw Errors.upload(
              "image file size exceeds the maximum allowed size, " + describeSize(maxBytes));
        }
        if (hash) {
          sha1.update(buf, 0, n);
          md5.update(buf, 0, n);
        }
        out.write(buf, 0, n);
      }
      ok = true;
    } finally {
      if (!ok && temp != null) {
        Files.deleteIfExists(temp);
      }
    }
    return new Received(
        temp,
        hash ? HexFormat.of().formatHex(sha1.digest()) : null,
        hash ? Base64.getEncoder().encodeToString(md5.digest()) : null,
        size);
  }

  /** Moves received bytes into place as the image's file and returns the path (null if none). */
  Path install(String uuid, Received received) {
    if (received.temp() == null) {
      return null;
    }
    Path target = root.resolve(uuid).resolve("file0");
    try {
      Files.move(
          received.temp(),
          target,
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the file of image " + uuid, e);
    }
    return target;
  }

  /** Removes the temporary file of a refused transfer. */
  void discard(Received received) {
    if (received != null && received.temp() != null) {
      try {
        Files.deleteIfExists(received.temp());
      } catch (IOException e) {
        // Best effort: the whole data directory goes away when the local Triton closes.
      }
    }
  }

  /** Removes every file of an image. */
  void delete(String uuid) {
    Path dir = root.resolve(uuid);
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort, as above.
    }
  }

  /** Describes a size limit as IMGAPI does ("20 GiB"), or in bytes when it is not whole GiB. */
  static String describeSize(long bytes) {
    long gib = 1024L * 1024 * 1024;
    return bytes % gib == 0 ? (bytes / gib) + " GiB" : bytes + " bytes";
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is missing from this JVM", e);
    }
  }
}
