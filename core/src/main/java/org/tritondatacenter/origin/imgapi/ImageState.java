package org.tritondatacenter.origin.imgapi;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The state of an image on IMGAPI, computed by the server from its activation and disabling. */
public enum ImageState {
  /** Activated and usable. */
  ACTIVE,
  /** Imported or created, not yet activated; its file can still be replaced. */
  UNACTIVATED,
  /** Activated, then disabled. */
  DISABLED,
  /** Being created from a machine (DC mode only). */
  CREATING,
  /** Creation failed; the image's {@code error} says why. */
  FAILED,
  /** A state this client does not know, or none. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /** Returns the name IMGAPI uses, such as {@code active}. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the state named {@code value}, or {@link #UNKNOWN} for null or an unknown name. */
  public static ImageState fromWireName(String value) {
    if (value == null) {
      return UNKNOWN;
    }
    for (ImageState state : values()) {
      if (state != UNKNOWN && state.wireName().equals(value)) {
        return state;
      }
    }
    return UNKNOWN;
  }
}
