package org.tritondatacenter.origin.testkit.manta;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.tritondatacenter.origin.testkit.StorageMode;

/**
 * Receives object bodies onto disk and turns them into {@link Blob}s.
 *
 * <p>A body is streamed into a temporary file, with its MD5 computed as the bytes pass, and only a
 * complete, verified body is moved into place: a failed or cut upload leaves the older object
 * untouched and no temporary file behind. In DISCARD mode nothing is written at all.
 */
final class BlobStore implements AutoCloseable {
  private static final int BUFFER = 256 * 1024;

  private final StorageMode mode;
  private final Path root;
  private final Path objects;
  private final Path uploads;

  BlobStore(Path dataDir, StorageMode mode) {
    this.mode = mode;
    try {
      Files.createDirectories(dataDir);
      this.root = Files.createTempDirectory(dataDir, "manta-");
      this.objects = Files.createDirectory(root.resolve("objects"));
      this.uploads = Files.createDirectory(root.resolve("uploads"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create Manta's storage under " + dataDir, e);
    }
  }

  /** A body received in full but not yet committed. */
  record Received(Path temp, long size, byte[] md5) {
    /** Returns the base64 MD5, or null when it was not computed (bench mode). */
    String md5Base64() {
      return md5 == null ? null : Base64.getEncoder().encodeToString(md5);
    }

    /** Deletes the temporary file if it was not committed. */
    void discard() {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // Reported by temporaryFiles() in the leak report.
        }
      }
    }
  }

  /**
   * Streams a body to a temporary file (or nowhere in DISCARD mode).
   *
   * @param maxBytes refuses the body with 413 {@code MaxContentLengthExceeded} once it passes this
   * @param computeMd5 false only in bench mode, when the client's own MD5 is trusted
   */
  Received receive(InputStream in, long maxBytes, boolean computeMd5) throws IOException {
    MessageDigest md5 = computeMd5 ? md5() : null;
    Path temp = mode == StorageMode.DISK ? Files.createTempFile(uploads, "put-", ".part") : null;
    try (OutputStream out =
        temp == null ? OutputStream.nullOutputStream() : Files.newOutputStream(temp)) {
      byte[] buffer = new byte[BUFFER];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) >= 0) {
        total += n;
        if (total > maxBytes) {
          throw MantaErrors.maxContentLengthExceeded(maxBytes);
        }
        if (md5 != null) {
          md5.update(buffer, 0, n);
        }
        out.write(buffer, 0, n);
      }
      return new Received(temp, total, md5 == null ? null : md5.digest());
    } catch (IOException | RuntimeException | Error e) {
      new Received(temp, 0, null).discard();
      throw e;
    }
  }

  /** Moves a received body into place as a blob with this MD5 (base64). */
  Blob commit(Received received, String md5) throws IOException {
    if (received.temp() == null) {
      return Blob.discarded(received.size(), md5);
    }
    Path target = objects.resolve(UUID.randomUUID().toString());
    Files.move(received.temp(), target, StandardCopyOption.ATOMIC_MOVE);
    return Blob.file(target, received.size(), md5);
  }

  /** Returns the names of temporary upload files that still exist. */
  List<String> temporaryFiles() {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(uploads)) {
      files.forEach(f -> names.add(f.getFileName().toString()));
    } catch (IOException e) {
      names.add("(cannot list " + uploads + ": " + e.getMessage() + ")");
    }
    return names;
  }

  /** Returns the number of bytes of object files on disk (synthetic and discarded take none). */
  long bytesOnDisk() {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no MD5", e);
    }
  }

  @Override
  public void close() {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort: a temporary directory left behind is harmless.
    }
  }
}
