package org.tritondatacenter.origin.testkit;

/** Where Manta objects and IMGAPI image files go. */
public enum StorageMode {
  /** Bytes are stored in a temporary directory on disk (the default). */
  DISK,
  /**
   * Benchmarks only: bytes are received and thrown away; only size and digests are kept, and reads
   * of such objects fail.
   */
  DISCARD
}
