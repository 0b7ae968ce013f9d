package org.tritondatacenter.origin.testkit.manta;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Map;
import java.util.UUID;
import org.tritondatacenter.origin.testkit.http.ApiError;

/**
 * Server-side writes into Manta, for the other simulated services (CloudAPI's ExportImage). They
 * follow the same rules as a PutObject, without HTTP: the parent must be a directory, the size
 * limit applies, and a failed write leaves any older object intact.
 */
final class ServerStore implements MantaStore {
  private final MantaService manta;

  ServerStore(MantaService manta) {
    this.manta = manta;
  }

  @Override
  public boolean isDirectory(String path) {
    MantaPath p = MantaPath.parse(path);
    manta.ensureAccount(p.login());
    return manta.namespace.get(p) instanceof Namespace.Dir;
  }

  @Override
  public boolean exists(String path) {
    MantaPath p = MantaPath.parse(path);
    manta.ensureAccount(p.login());
    return manta.namespace.get(p) != null;
  }

  @Override
  public void putObject(String path, String contentType, InputStream data, long size)
      throws IOException {
    MantaPath p = MantaPath.parse(path);
    if (!p.inStorageArea() || p.isRoot()) {
      throw new IllegalArgumentException(
          "cannot write an object at " + path + ": use a path under /<login>/stor/ or /public/");
    }
    if (!manta.ensureAccount(p.login())) {
      throw new NoSuchFileException(path, null, "account " + p.login() + " does not exist");
    }
    try {
      manta.namespace.checkWritable(p, "PUT");
      long limit = manta.options.maxObjectBytes();
      BlobStore.Received received = manta.blobs.receive(data, limit, true);
      try {
        if (size >= 0 && received.size() != size) {
          throw new IOException(
              "object " + path + " should be " + size + " bytes, got " + received.size());
        }
        ObjectMeta meta =
            new ObjectMeta(
                UUID.randomUUID().toString(),
                manta.blobs.commit(received, received.md5Base64()),
                contentType == null ? MantaHeaders.DEFAULT_OBJECT_TYPE : contentType,
                manta.now(),
                MantaService.DEFAULT_COPIES,
                Map.of());
        try {
          manta.namespace.putObject(p, meta, "PUT");
        } catch (RuntimeException e) {
          meta.blob().release();
          throw e;
        }
      } finally {
        received.discard();
      }
    } catch (ApiError e) {
      throw translate(path, e);
    }
  }

  private static IOException translate(String path, ApiError e) {
    return switch (e.code()) {
      case "DirectoryDoesNotExist" -> new NoSuchFileException(path, null, e.getMessage());
      case "ParentNotDirectory" -> new NotDirectoryException(e.getMessage());
      default -> new IOException("cannot write " + path + ": " + e.code() + ": " + e.getMessage());
    };
  }
}
