package org.tritondatacenter.origin.build;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where one image's build stands in the run record: the next thing to do, or how it ended. The
 * phases run in declaration order from {@link #CREATE_MACHINE} to {@link #DONE}.
 */
public enum ImagePhase {
  /** No machine yet: the next step is CreateMachine. */
  @JsonProperty("create-machine")
  CREATE_MACHINE,
  /** The machine exists; wait for it to be {@code running}. */
  @JsonProperty("wait-running")
  WAIT_RUNNING,
  /** The machine runs its user-script; wait for {@code triton-origin:status} = {@code ok}. */
  @JsonProperty("wait-guest")
  WAIT_GUEST,
  /** The script finished; stop the machine. */
  @JsonProperty("stop")
  STOP,
  /** The machine is stopped; make the image with CreateImageFromMachine. */
  @JsonProperty("create-image")
  CREATE_IMAGE,
  /** The image exists; wait for it to be {@code active}. */
  @JsonProperty("wait-image")
  WAIT_IMAGE,
  /** The image is active. */
  @JsonProperty("done")
  DONE,
  /** The last attempt failed; a re-run starts this image again. */
  @JsonProperty("failed")
  FAILED,
  /** An image with the same spec is already published; nothing to build. */
  @JsonProperty("skipped")
  SKIPPED,
  /** A phase written by a newer version. */
  @JsonEnumDefaultValue
  @JsonProperty("unknown")
  UNKNOWN;

  /** Returns true when the phase comes after {@code other} in the build's order. */
  boolean isAfter(ImagePhase other) {
    return ordinal() > other.ordinal();
  }

  /** Returns true while the temporary machine is still needed: up to CreateImageFromMachine. */
  boolean needsMachine() {
    return ordinal() <= CREATE_IMAGE.ordinal();
  }

  /** Returns the phase as the record writes it, such as {@code wait-guest}. */
  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
