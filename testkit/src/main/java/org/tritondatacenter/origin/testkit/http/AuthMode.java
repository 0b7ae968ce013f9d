package org.tritondatacenter.origin.testkit.http;

/** How a route treats the {@code Authorization} header. */
public enum AuthMode {
  /** A valid signature is required. */
  REQUIRED,
  /**
   * Anonymous requests are served, but a header that fails verification is refused, as IMGAPI's
   * passive auth does for reads.
   */
  PASSIVE,
  /** No authentication at all (IMGAPI GetImageFile, CloudAPI ping). */
  NONE
}
