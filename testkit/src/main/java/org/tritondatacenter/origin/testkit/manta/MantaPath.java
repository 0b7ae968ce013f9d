package org.tritondatacenter.origin.testkit.manta;

import java.util.ArrayList;
import java.util.List;

/**
 * A decoded Manta path, {@code /<login>[/<area>[/...]]}, as a list of segments. The roots are the
 * account ({@code /alice}) and its storage areas ({@code /alice/stor}, {@code /alice/public}).
 */
record MantaPath(List<String> segments) {
  static final String STOR = "stor";
  static final String PUBLIC = "public";

  MantaPath {
    segments = List.copyOf(segments);
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("a Manta path needs at least the account: /<login>/...");
    }
  }

  /**
   * Parses a decoded path such as {@code /alice/stor/a/b}; empty segments (double or trailing
   * slashes) are dropped, as Manta does.
   *
   * @throws IllegalArgumentException naming the path when it is not absolute, is only {@code /}, or
   *     holds {@code .} or {@code ..} segments
   */
  static MantaPath parse(String path) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException(
          "Manta path " + path + " must be absolute, such as /<login>/stor/dir/object");
    }
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.equals(".") || part.equals("..")) {
        throw new IllegalArgumentException(
            "Manta path " + path + " must not contain . or .. segments");
      }
      if (!part.isEmpty()) {
        parts.add(part);
      }
    }
    if (parts.isEmpty()) {
      throw new IllegalArgumentException(
          "Manta path " + path + " names no account; use /<login>/stor/...");
    }
    return new MantaPath(parts);
  }

  String login() {
    return segments.get(0);
  }

  /** Returns {@code stor}, {@code public} (or another top-level name), or null for the account. */
  String area() {
    return segments.size() > 1 ? segments.get(1) : null;
  }

  boolean isAccountRoot() {
    return segments.size() == 1;
  }

  /** Returns true for {@code /<login>}, {@code /<login>/stor} and {@code /<login>/public}. */
  boolean isRoot() {
    return segments.size() <= 2;
  }

  /** Returns true when the path lies in a storage area this simulator serves. */
  boolean inStorageArea() {
    return STOR.equals(area()) || PUBLIC.equals(area());
  }

  boolean isPublic() {
    return PUBLIC.equals(area());
  }

  MantaPath parent() {
    if (segments.size() == 1) {
      throw new IllegalStateException(path() + " has no parent");
    }
    return new MantaPath(segments.subList(0, segments.size() - 1));
  }

  MantaPath child(String name) {
    List<String> parts = new ArrayList<>(segments);
    parts.add(name);
    return new MantaPath(parts);
  }

  String name() {
    return segments.get(segments.size() - 1);
  }

  /** Returns the path as text: {@code /alice/stor/a}. */
  String path() {
    return "/" + String.join("/", segments);
  }

  @Override
  public String toString() {
    return path();
  }
}
