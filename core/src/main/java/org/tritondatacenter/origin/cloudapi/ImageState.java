package org.tritondatacenter.origin.cloudapi;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import java.util.Locale;

/**
 * The {@code state} of an image as CloudAPI shows it (IMGAPI's image states).
 *
 * <p>An image made by CreateImageFromMachine starts as {@link #CREATING} and ends {@link #ACTIVE}
 * or {@link #FAILED}. {@link #UNKNOWN} stands for any value this client does not know.
 */
public enum ImageState {
  /** Ready to provision from. */
  ACTIVE,
  /** Created but never activated. */
  UNACTIVATED,
  /** Hidden from provisioning by its owner. */
  DISABLED,
  /** A placeholder while CreateImageFromMachine's job runs. */
  CREATING,
  /** The creation job failed; the image's {@code error} says why. */
  FAILED,
  /** A state this client does not know. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /** Returns the state as CloudAPI spells it, such as {@code active}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return wireName();
  }
}
