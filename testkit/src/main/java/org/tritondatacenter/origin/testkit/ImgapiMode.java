package org.tritondatacenter.origin.testkit;

/** How a simulated IMGAPI server behaves (apis.md §4.1). */
public enum ImgapiMode {
  /**
   * Like the updates server: channels, {@code public: false} manifests, owner forced to the zero
   * UUID on import.
   */
  PRIVATE,
  /** Like the images server: no channels, {@code public: true} manifests. */
  PUBLIC
}
