package org.tritondatacenter.origin.state;

import java.util.Objects;
import java.util.Optional;

/**
 * Loads a run record from its store and saves it after every change. Thread-safe: parallel image
 * builds report progress through the same keeper.
 */
public final class RecordKeeper {
  private final RunRecordStore store;
  private final String source;
  private final RunRecord record;

  /**
   * Loads the record held by {@code store}, or starts an empty one.
   *
   * @param source names the store in error messages, such as a state file path
   */
  public RecordKeeper(RunRecordStore store, String source) {
    this.store = Objects.requireNonNull(store, "store == null");
    this.source = Objects.requireNonNull(source, "source == null");
    this.record =
        store.load().map(json -> RunRecord.parse(json, source)).orElseGet(RunRecord::empty);
  }

  /** Returns a section as saved, or empty. */
  public synchronized <T> Optional<T> section(String name, Class<T> type) {
    return record.section(name, type);
  }

  /** Replaces a section and saves the whole record at once. */
  public synchronized void save(String name, Object value) {
    record.put(name, value);
    store.save(record.toJson());
  }

  /** Removes a section and saves. */
  public synchronized void remove(String name) {
    record.remove(name);
    store.save(record.toJson());
  }

  /** Returns where the record is kept, for messages. */
  public String source() {
    return source;
  }

  /** Returns the whole record as JSON, as it was last saved. */
  public synchronized String json() {
    return record.toJson();
  }
}
