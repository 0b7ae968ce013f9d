package org.tritondatacenter.origin.images;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tritondatacenter.origin.TritonException;

/**
 * The naming rules shared by images.json, the build stamp and the step contract: image names and
 * versions as IMGAPI accepts them, UUIDs, and branch sanitising.
 */
public final class ImageNaming {
  /** The longest image name IMGAPI documents. */
  public static final int MAX_NAME = 512;

  /** The longest image version IMGAPI documents. */
  public static final int MAX_VERSION = 128;

  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  // IMGAPI's version charset, less '/': the version becomes part of Manta file names such as
  // <name>-<version>.imgmanifest, where a '/' would create a directory.
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._+-]+");
  private static final Pattern NOT_BRANCH_CHAR = Pattern.compile("[^A-Za-z0-9._-]");

  private ImageNaming() {}

  /** Returns true for a UUID in its canonical 8-4-4-4-12 hex form, in either case. */
  public static boolean isUuid(String value) {
    return value != null && UUID.matcher(value).matches();
  }

  /** Returns the image name, {@code <namePrefix>-<originVersion>}. */
  public static String imageName(String namePrefix, String originVersion) {
    return namePrefix + "-" + originVersion;
  }

  /**
   * Returns the branch name made safe for versions and Manta paths: every character outside {@code
   * [A-Za-z0-9._-]} becomes {@code -}, so {@code feature/x} becomes {@code feature-x}.
   */
  public static String sanitizeBranch(String branch) {
    return NOT_BRANCH_CHAR.matcher(branch).replaceAll("-");
  }

  /**
   * Returns what is wrong with an explicit image version, or empty when IMGAPI and the Manta builds
   * layout both accept it.
   */
  public static Optional<String> versionProblem(String version) {
    if (version == null || version.isEmpty()) {
      return Optional.of("is empty; expected a version such as 1.0.0");
    }
    if (version.length() > MAX_VERSION) {
      return Optional.of(
          "is " + version.length() + " characters long; IMGAPI allows at most " + MAX_VERSION);
    }
    Optional<String> chars = characterProblem(version);
    if (chars.isPresent()) {
      return chars;
    }
    if (!VERSION.matcher(version).matches()) {
      return Optional.of(
          Problems.quote(version)
              + " has characters IMGAPI versions do not allow; expected ASCII letters, digits,"
              + " '.', '_', '+' and '-' ('/' is refused because the version is part of Manta"
              + " file names)");
    }
    return Optional.empty();
  }

  /**
   * Checks an explicit image version.
   *
   * @throws TritonException naming the version and the allowed characters
   */
  public static String requireVersion(String version) {
    Optional<String> problem = versionProblem(version);
    if (problem.isPresent()) {
      throw new TritonException("version " + problem.get());
    }
    return version;
  }

  /**
   * Returns a message for the first control or non-ASCII character in {@code value}, or empty when
   * it is printable ASCII.
   */
  static Optional<String> characterProblem(String value) {
    Optional<String> control = controlProblem(value, "");
    if (control.isPresent()) {
      return control;
    }
    for (int i = 0; i < value.length(); i++) {
      int c = value.charAt(i);
      if (c > 0x7e) {
        return Optional.of(
            "contains the non-ASCII character U+"
                + String.format(Locale.ROOT, "%04X", c)
                + " at position "
                + (i + 1)
                + "; only ASCII is allowed here");
      }
    }
    return Optional.empty();
  }

  /** Returns a message for the first control character not in {@code allowed}, or empty. */
  static Optional<String> controlProblem(String value, String allowed) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 || c == 0x7f) && allowed.indexOf(c) < 0) {
        return Optional.of(
            "contains the control character U+"
                + String.format(Locale.ROOT, "%04X", (int) c)
                + " at position "
                + (i + 1)
                + "; expected printable text");
      }
    }
    return Optional.empty();
  }
}
