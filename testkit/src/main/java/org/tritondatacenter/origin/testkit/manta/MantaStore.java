package org.tritondatacenter.origin.testkit.manta;

import java.io.IOException;
import java.io.InputStream;

/**
 * Server-side access to Manta's storage for the other simulated services, such as CloudAPI's
 * ExportImage, which writes into the user's area with IMGAPI's own identity.
 */
public interface MantaStore {
  /** Returns true when {@code path} (decoded, such as {@code /alice/stor/x}) is a directory. */
  boolean isDirectory(String path);

  /** Returns true when an object or directory exists at {@code path}. */
  boolean exists(String path);

  /**
   * Writes an object, replacing any object already there. The parent directory must exist.
   *
   * @param size the byte count, or -1 when unknown
   */
  void putObject(String path, String contentType, InputStream data, long size) throws IOException;
}
