package org.tritondatacenter.origin.gc;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One thing a build left behind.
 *
 * @param kind what it is
 * @param id its UUID
 * @param name its name (a machine's alias, or an image's {@code name@version})
 * @param buildId the build that made it, from its {@code triton-origin.build} tag, or null
 * @param created when it was made, or null when neither the resource nor its build id says
 * @param state its state, such as {@code running} or {@code failed}
 * @param location where it is: the CloudAPI or IMGAPI URL
 */
public record Leftover(
    Kind kind,
    String id,
    String name,
    String buildId,
    Instant created,
    String state,
    String location) {

  /** The kinds of leftovers. */
  public enum Kind {
    /** A temporary build machine. */
    MACHINE("machine"),
    /** A datacenter image left {@code creating} or {@code failed}. */
    DATACENTER_IMAGE("datacenter image"),
    /** An IMGAPI image never activated. */
    IMGAPI_IMAGE("IMGAPI image");

    private final String displayName;

    Kind(String displayName) {
      this.displayName = displayName;
    }

    @Override
    public String toString() {
      return displayName;
    }
  }

  /** Requires the kind and id. */
  public Leftover {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(id, "id == null");
  }

  /** Returns a short description, such as {@code machine 1a2b... (triton-origin-to-...-1)}. */
  public String describe() {
    return kind + " " + id + (name == null ? "" : " (" + name + ")");
  }

  /** Returns the leftover as plain values. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
    m.put("id", id);
    if (name != null) {
      m.put("name", name);
    }
    if (buildId != null) {
      m.put("buildId", buildId);
    }
    if (created != null) {
      m.put("created", created.toString());
    }
    if (state != null) {
      m.put("state", state);
    }
    if (location != null) {
      m.put("location", location);
    }
    return m;
  }
}
