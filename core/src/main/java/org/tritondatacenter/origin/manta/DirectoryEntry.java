package org.tritondatacenter.origin.manta;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a Manta directory listing. Resolve {@link #name()} against the listed directory
 * ({@link MantaPath#resolve}) to get its path.
 *
 * @param name the entry's name inside the directory
 * @param type object or directory
 * @param mtime when it was last modified, or null
 * @param size the object's length in bytes; -1 for a directory
 * @param etag the object id, or null for a directory
 * @param durability the number of copies, or null for a directory
 */
public record DirectoryEntry(
    String name, EntryType type, Instant mtime, long size, String etag, Integer durability) {

  /** Validates the fields. */
  public DirectoryEntry {
    Objects.requireNonNull(name, "name == null");
    type = type == null ? EntryType.UNKNOWN : type;
  }

  /** Returns true for a sub-directory. */
  public boolean isDirectory() {
    return type == EntryType.DIRECTORY;
  }
}
