package org.tritondatacenter.origin.steps;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.tritondatacenter.origin.images.BuildStamp;
import org.tritondatacenter.origin.images.ImageNaming;

/**
 * The type of a step parameter: how its raw value is coerced ({@link Kind}) and which values are
 * acceptable. List types check each element.
 */
public enum ParamType {
  /** Free text, one line. */
  STRING("string", Kind.TEXT, v -> text(v, 1024)),
  /** JSON text, kept as given (it may span lines). */
  JSON_TEXT("JSON text", Kind.TEXT, v -> Optional.empty()),
  /** A workspace or Manta path. */
  PATH("path", Kind.TEXT, v -> text(v, 4096)),
  /** An absolute Manta path without {@code ..} segments. */
  MANTA_PATH("Manta path", Kind.TEXT, ParamType::mantaPath),
  /** The name of a configured endpoint. */
  ENDPOINT("endpoint name", Kind.TEXT, v -> word(v, "an endpoint name such as us-east-1")),
  /** An IMGAPI channel name. */
  CHANNEL("channel name", Kind.TEXT, v -> word(v, "a channel name such as dev or release")),
  /** A plain word used as a directory name, such as the Manta project. */
  WORD("name", Kind.TEXT, ParamType::directoryWord),
  /** An image version as IMGAPI accepts it. */
  VERSION("image version", Kind.TEXT, ImageNaming::versionProblem),
  /** A UTC time as {@code YYYYMMDDTHHMMSSZ}. */
  TIMESTAMP(
      "timestamp",
      Kind.TEXT,
      v ->
          BuildStamp.isTimestamp(v)
              ? Optional.empty()
              : Optional.of("expected UTC time as YYYYMMDDTHHMMSSZ, such as 20250116T175211Z")),
  /** A git commit hash. */
  GIT_COMMIT(
      "commit hash",
      Kind.TEXT,
      v ->
          BuildStamp.isCommit(v)
              ? Optional.empty()
              : Optional.of("expected a git commit hash of 7 to 40 hex digits")),
  /** One of the parameter's choices. */
  CHOICE("choice", Kind.TEXT, v -> Optional.empty()),
  BOOLEAN("boolean", Kind.BOOLEAN, v -> Optional.empty()),
  INTEGER("integer", Kind.INTEGER, v -> Optional.empty()),
  /** Image names, such as {@code triton-origin-x86_64-24.4.1}. */
  NAME_LIST("list of image names", Kind.LIST, ParamType::imageName),
  UUID_LIST(
      "list of UUIDs",
      Kind.LIST,
      v ->
          ImageNaming.isUuid(v)
              ? Optional.empty()
              : Optional.of("expected a UUID such as 41bd4100-eb86-409a-85b0-e649aadf6f62")),
  CHANNEL_LIST("list of channel names", Kind.LIST, v -> word(v, "a channel name such as staging")),
  /** A map with string keys and plain values, such as another step's result. */
  MAP("map", Kind.MAP, v -> Optional.empty());

  /** How raw values are coerced. */
  public enum Kind {
    TEXT,
    BOOLEAN,
    INTEGER,
    LIST,
    MAP
  }

  private static final Pattern WORD_CHARS = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern IMAGE_NAME = Pattern.compile("[A-Za-z0-9._/ -]+");

  private final String displayName;
  private final Kind kind;
  private final Function<String, Optional<String>> check;

  ParamType(String displayName, Kind kind, Function<String, Optional<String>> check) {
    this.displayName = displayName;
    this.kind = kind;
    this.check = check;
  }

  /** Returns the type as help texts name it, such as {@code list of channel names}. */
  public String displayName() {
    return displayName;
  }

  public Kind kind() {
    return kind;
  }

  /**
   * Returns what is wrong with a text value or list element, or empty when it is acceptable. The
   * value is already trimmed and not empty.
   */
  Optional<String> check(String value) {
    return check.apply(value);
  }

  private static Optional<String> text(String v, int max) {
    if (v.length() > max) {
      return Optional.of("is " + v.length() + " characters long; at most " + max + " are allowed");
    }
    for (int i = 0; i < v.length(); i++) {
      if (Character.isISOControl(v.charAt(i))) {
        return Optional.of("contains a control character; expected one line of text");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> word(String v, String expected) {
    if (v.length() <= 64 && WORD_CHARS.matcher(v).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        "expected "
            + expected
            + ": ASCII letters, digits, '.', '_' and '-', at most 64, no spaces or slashes");
  }

  private static Optional<String> directoryWord(String v) {
    if (v.equals(".") || v.equals("..")) {
      return Optional.of("must be a directory name, not '" + v + "'");
    }
    return word(v, "a name such as triton-origin-image");
  }

  private static Optional<String> imageName(String v) {
    if (v.length() <= ImageNaming.MAX_NAME && IMAGE_NAME.matcher(v).matches()) {
      return Optional.empty();
    }
    return Optional.of("expected an image name such as triton-origin-x86_64-24.4.1");
  }

  private static Optional<String> mantaPath(String v) {
    Optional<String> basic = text(v, 1024);
    if (basic.isPresent()) {
      return basic;
    }
    if (!v.startsWith("/")) {
      return Optional.of("expected an absolute Manta path such as /account/public/builds/x");
    }
    for (String segment : v.split("/", -1)) {
      if (segment.equals("..") || segment.equals(".")) {
        return Optional.of("must not contain '" + segment + "' segments");
      }
    }
    return Optional.empty();
  }
}
