package org.tritondatacenter.origin.state;

import java.util.Optional;

/** Keeps the record in memory; for tests and for adapters that persist it themselves. */
public final class MemoryRunRecordStore implements RunRecordStore {
  private volatile String json;

  /** Creates an empty store. */
  public MemoryRunRecordStore() {}

  /** Creates a store holding a record saved earlier, such as a Jenkins execution's field. */
  public MemoryRunRecordStore(String json) {
    this.json = json;
  }

  @Override
  public Optional<String> load() {
    return Optional.ofNullable(json);
  }

  @Override
  public void save(String json) {
    this.json = json;
  }
}
