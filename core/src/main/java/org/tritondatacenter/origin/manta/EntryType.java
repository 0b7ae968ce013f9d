package org.tritondatacenter.origin.manta;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** What a Manta path holds, as listings and {@code HEAD} answers tell it. */
public enum EntryType {
  /** A stored object (a file). */
  OBJECT,
  /** A directory. */
  DIRECTORY,
  /** A type this client does not know, such as one a newer server adds. */
  @JsonEnumDefaultValue
  UNKNOWN
}
