package org.tritondatacenter.origin.testkit.cloudapi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tritondatacenter.origin.testkit.http.ApiError;
import org.tritondatacenter.origin.testkit.manta.MantaStore;

/** A Manta store on a temporary directory, recording each object's content type. */
final class DirMantaStore implements MantaStore {
  private final Path root;
  final Map<String, String> contentTypes = new ConcurrentHashMap<>();

  DirMantaStore(Path root) {
    this.root = root;
  }

  Path file(String path) {
    return root.resolve(path.substring(1));
  }

  void mkdirs(String path) throws IOException {
    Files.createDirectories(file(path));
  }

  @Override
  public boolean isDirectory(String path) {
    return Files.isDirectory(file(path));
  }

  @Override
  public boolean exists(String path) {
    return Files.exists(file(path));
  }

  @Override
  public void putObject(String path, String contentType, InputStream data, long size)
      throws IOException {
    Path target = file(path);
    if (!Files.isDirectory(target.getParent())) {
      throw ApiError.notFound("DirectoryDoesNotExist", path + " has no parent directory");
    }
    long written = Files.copy(data, target, StandardCopyOption.REPLACE_EXISTING);
    if (size >= 0 && written != size) {
      throw new IOException("expected " + size + " bytes for " + path + ", got " + written);
    }
    contentTypes.put(path, contentType);
  }
}
