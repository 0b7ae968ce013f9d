package org.tritondatacenter.origin.testkit;

import java.util.Objects;

/**
 * One simulated IMGAPI server to start: a unique endpoint name (such as {@code updates} or {@code
 * images}) and its mode.
 */
public record ImgapiInstance(String name, ImgapiMode mode) {
  public ImgapiInstance {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(mode, "mode == null");
  }
}
