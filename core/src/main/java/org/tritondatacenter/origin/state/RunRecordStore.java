package org.tritondatacenter.origin.state;

import java.util.Optional;

/**
 * Holds one run record as JSON text. Core decides when to save, which is after every change; the
 * store decides where the text goes. Implementations must make {@link #save} atomic: a reader sees
 * the old text or the new, never a mix.
 */
public interface RunRecordStore {
  /** Returns the saved record, or empty when nothing was saved yet. */
  Optional<String> load();

  /** Replaces the saved record. */
  void save(String json);
}
