package org.tritondatacenter.origin.testkit.manta;

import java.time.Instant;
import java.util.Map;

/**
 * What the simulated Manta holds for one object, for tests to inspect.
 *
 * @param path the decoded path, such as {@code /alice/stor/builds/x.zfs.gz}
 * @param size the size in bytes
 * @param md5 the base64 MD5 of the bytes, as {@code Content-MD5} carries it
 * @param contentType the stored content type
 * @param etag the object id (a UUID), which a snaplink shares with its source
 * @param lastModified when the entry was written
 * @param durability the number of copies asked for (1 to 9, 2 by default)
 * @param headers the stored {@code m-*} headers, lower-cased
 * @param content where the bytes are
 */
public record MantaObject(
    String path,
    long size,
    String md5,
    String contentType,
    String etag,
    Instant lastModified,
    int durability,
    Map<String, String> headers,
    Content content) {

  /** Where an object's bytes are. */
  public enum Content {
    /** In a file under the data directory. */
    DISK,
    /** Generated from a seed on every read ({@link MantaSimulator#putSynthetic}). */
    SYNTHETIC,
    /** Not kept at all: received in {@code StorageMode.DISCARD}; reads fail. */
    DISCARDED
  }

  public MantaObject {
    headers = Map.copyOf(headers);
  }

  static MantaObject of(String path, ObjectMeta meta) {
    Content content =
        switch (meta.blob().kind()) {
          case FILE -> Content.DISK;
          case SYNTHETIC -> Content.SYNTHETIC;
          case DISCARDED -> Content.DISCARDED;
        };
    return new MantaObject(
        path,
        meta.size(),
        meta.md5(),
        meta.contentType(),
        meta.etag(),
        meta.mtime(),
        meta.durability(),
        meta.headers(),
        content);
  }
}
