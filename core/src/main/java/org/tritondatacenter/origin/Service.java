package org.tritondatacenter.origin;

/** The three Triton HTTP APIs this project talks to. */
public enum Service {
  /** CloudAPI, the datacenter's customer API (machines, images, packages, networks). */
  CLOUDAPI("CloudAPI"),
  /** Manta, the object store (builds layout, exported images). */
  MANTA("Manta"),
  /** A standalone IMGAPI server (updates or images server). */
  IMGAPI("IMGAPI");

  private final String displayName;

  Service(String displayName) {
    this.displayName = displayName;
  }

  /** Returns the name users know the service by, such as {@code CloudAPI}. */
  public String displayName() {
    return displayName;
  }

  @Override
  public String toString() {
    return displayName;
  }
}
