package org.tritondatacenter.origin.manta;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An absolute Manta path of one account, checked before any request: {@code /<login>/stor/...} or
 * {@code /<login>/public/...}, with no empty, {@code .} or {@code ..} segments and no control
 * characters. Immutable; equal when login and segments are equal.
 *
 * <p>{@code ~~} at the start stands for {@code /<login>}, as in the Manta command-line tools. Other
 * top-level directories ({@code jobs}, {@code reports}, {@code uploads}) are refused: mantav2 has
 * no jobs or reports, and nothing here writes there.
 */
public final class MantaPath {
  private static final List<String> TOPS = List.of("stor", "public");

  private final String login;
  private final List<String> segments;

  private MantaPath(String login, List<String> segments) {
    this.login = login;
    this.segments = List.copyOf(segments);
  }

  /**
   * Parses {@code path} as a path of account {@code login}. One trailing slash is allowed and
   * dropped.
   *
   * @throws IllegalArgumentException naming the path and the account when the path is relative,
   *     belongs to another account, lies outside {@code stor} and {@code public}, or has an empty,
   *     {@code .}, {@code ..} or control-character segment
   */
  public static MantaPath of(String login, String path) {
    String account = checkLogin(login);
    Objects.requireNonNull(path, "Manta path == null");
    String full =
        path.startsWith("~~/") || path.equals("~~") ? "/" + account + path.substring(2) : path;
    if (!full.startsWith("/")) {
      throw new IllegalArgumentException(
          "The Manta path '"
              + printable(path)
              + "' is not absolute; give it as /"
              + account
              + "/stor/... (or ~~/stor/...).");
    }
    String body =
        full.length() > 1 && full.endsWith("/")
            ? full.substring(1, full.length() - 1)
            : full.substring(1);
    String[] parts = body.split("/", -1);
    if (!parts[0].equals(account)) {
      throw new IllegalArgumentException(
          "The Manta path '"
              + printable(path)
              + "' is outside the account '"
              + account
              + "' this client signs as; use a path under /"
              + account
              + "/stor or /"
              + account
              + "/public.");
    }
    List<String> segments = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      segments.add(checkSegment(path, parts[i]));
    }
    if (segments.isEmpty() || !TOPS.contains(segments.get(0))) {
      throw new IllegalArgumentException(
          "The Manta path '"
              + printable(path)
              + "' is not under /"
              + account
              + "/stor or /"
              + account
              + "/public, the only directories this client reads and writes.");
    }
    return new MantaPath(account, segments);
  }

  /** Returns the account the path belongs to. */
  public String login() {
    return login;
  }

  /** Returns the top-level directory, {@code stor} or {@code public}. */
  public String top() {
    return segments.get(0);
  }

  /**
   * Returns true for {@code /<login>/stor} or {@code /<login>/public} itself, which always exist.
   */
  public boolean isTop() {
    return segments.size() == 1;
  }

  /** Returns the last segment, such as {@code image.zfs.gz}. */
  public String name() {
    return segments.get(segments.size() - 1);
  }

  /**
   * Returns the directory that holds this path.
   *
   * @throws IllegalStateException for a top-level directory, whose parent is the account itself
   */
  public MantaPath parent() {
    if (isTop()) {
      throw new IllegalStateException(
          this + " is a top-level directory; its parent /" + login + " is not a Manta path here.");
    }
    return new MantaPath(login, segments.subList(0, segments.size() - 1));
  }

  /**
   * Returns the path of {@code relative} below this one; {@code relative} may hold several
   * segments, such as {@code 2026/image.zfs.gz}.
   *
   * @throws IllegalArgumentException when {@code relative} is absolute or has an empty, {@code .},
   *     {@code ..} or control-character segment
   */
  public MantaPath resolve(String relative) {
    Objects.requireNonNull(relative, "relative == null");
    if (relative.startsWith("/")) {
      throw new IllegalArgumentException(
          "'" + printable(relative) + "' is absolute; resolve() takes a name relative to " + this);
    }
    List<String> joined = new ArrayList<>(segments);
    for (String part : relative.split("/", -1)) {
      joined.add(checkSegment(relative, part));
    }
    return new MantaPath(login, joined);
  }

  /** Returns the segments after the login, starting with {@link #top()}. */
  public List<String> segments() {
    return segments;
  }

  /** Returns every segment of the path, the login first, unencoded, for building a request. */
  String[] requestSegments() {
    String[] all = new String[segments.size() + 1];
    all[0] = login;
    for (int i = 0; i < segments.size(); i++) {
      all[i + 1] = segments.get(i);
    }
    return all;
  }

  /**
   * Returns the path with each segment percent-encoded on its own, keeping only RFC 3986 unreserved
   * characters, so no proxy or server re-encodes it differently.
   */
  String encoded() {
    StringBuilder sb = new StringBuilder();
    for (String segment : requestSegments()) {
      sb.append('/').append(PercentEncoding.encode(segment));
    }
    return sb.toString();
  }

  /** Returns the path unencoded, such as {@code /alice/stor/builds/a b.zfs.gz}. */
  @Override
  public String toString() {
    return "/" + login + "/" + String.join("/", segments);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MantaPath p && p.login.equals(login) && p.segments.equals(segments);
  }

  @Override
  public int hashCode() {
    return login.hashCode() * 31 + segments.hashCode();
  }

  private static String checkLogin(String login) {
    if (login == null || login.isBlank()) {
      throw new IllegalArgumentException("The Manta login is empty; give the account name.");
    }
    if (login.indexOf('/') >= 0 || hasControl(login)) {
      throw new IllegalArgumentException(
          "The Manta login '"
              + printable(login)
              + "' contains a slash or a control character; give the bare account name.");
    }
    return login;
  }

  private static String checkSegment(String path, String segment) {
    if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
      throw new IllegalArgumentException(
          "The Manta path '"
              + printable(path)
              + "' has "
              + (segment.isEmpty() ? "an empty segment (//)" : "a '" + segment + "' segment")
              + "; give a plain path without empty, . or .. segments.");
    }
    if (hasControl(segment)) {
      throw new IllegalArgumentException(
          "The Manta path '" + printable(path) + "' contains a control character; remove it.");
    }
    return segment;
  }

  private static boolean hasControl(String s) {
    return s.chars().anyMatch(Character::isISOControl);
  }

  /** Replaces control characters so a message never carries a line break from its input. */
  static String printable(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.chars().forEach(c -> sb.append(Character.isISOControl(c) ? '?' : (char) c));
    return sb.toString();
  }
}
