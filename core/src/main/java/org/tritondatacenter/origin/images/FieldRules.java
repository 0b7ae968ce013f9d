package org.tritondatacenter.origin.images;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules for each text field of images.json. Each returns what is wrong with a value, or empty
 * when it is acceptable. Lengths follow IMGAPI's documented limits where the value ends up in a
 * manifest, and sensible caps elsewhere, so a runaway file fails here and not half-way through a
 * build.
 */
final class FieldRules {
  static final int MAX_NAME_PREFIX = 256;
  static final int MAX_DESCRIPTION = 512;
  static final int MAX_HOMEPAGE = 128;
  static final int MAX_PACKAGE = 128;
  static final int MAX_NETWORK = 256;
  static final int MAX_SCRIPT_LINE = 4096;
  static final int MAX_TAG_KEY = 128;
  static final int MAX_TAG_VALUE = 1024;
  static final int MAX_METADATA_VALUE = 65536;

  // The name becomes part of Manta file names and of the temporary machine's name, so it is
  // narrower than IMGAPI's name charset (which also allows ' ' and '/').
  private static final Pattern NAME_PREFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern ORIGIN_NAME = Pattern.compile("[A-Za-z0-9._/ -]+");
  private static final Pattern ORIGIN_VERSION = Pattern.compile("[A-Za-z0-9._-]+");
  // Package names go into a shell command line: no globs, no version operators, no quoting needs.
  private static final Pattern PKG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");
  private static final Pattern METADATA_KEY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:-]*");

  private FieldRules() {}

  static Optional<String> namePrefix(String v) {
    return first(
        length(v, MAX_NAME_PREFIX),
        ImageNaming.characterProblem(v),
        v.contains("/") || v.contains("..")
            ? Optional.of(
                Problems.quote(v)
                    + " looks like a path; '/' and '..' are refused because the image name"
                    + " becomes a Manta file name")
            : Optional.empty(),
        pattern(
            v,
            NAME_PREFIX,
            "expected ASCII letters, digits, '.', '_' and '-', starting with a letter or digit,"
                + " such as triton-origin-x86_64"));
  }

  static Optional<String> description(String v) {
    return first(length(v, MAX_DESCRIPTION), ImageNaming.controlProblem(v, ""));
  }

  static Optional<String> originName(String v) {
    return first(
        length(v, ImageNaming.MAX_NAME),
        ImageNaming.characterProblem(v),
        pattern(v, ORIGIN_NAME, "expected an IMGAPI image name such as minimal-64-lts"));
  }

  static Optional<String> originVersion(String v) {
    return first(
        length(v, ImageNaming.MAX_VERSION),
        ImageNaming.characterProblem(v),
        pattern(
            v,
            ORIGIN_VERSION,
            "expected a version such as 24.4.1 (ASCII letters, digits, '.', '_' and '-'; it"
                + " becomes the image name suffix)"));
  }

  static Optional<String> pkg(String v) {
    return first(
        length(v, MAX_PACKAGE),
        ImageNaming.characterProblem(v),
        pattern(
            v,
            PKG,
            "expected a pkgsrc package name such as curl or curl-8.11.1 (letters, digits, '.',"
                + " '_', '+' and '-'; no spaces, globs or version operators)"));
  }

  static Optional<String> packageName(String v) {
    return first(length(v, MAX_PACKAGE), ImageNaming.characterProblem(v));
  }

  static Optional<String> network(String v) {
    return first(length(v, MAX_NETWORK), ImageNaming.characterProblem(v));
  }

  static Optional<String> scriptLine(String v) {
    // A line break would silently split one entry into several shell lines.
    return first(length(v, MAX_SCRIPT_LINE), ImageNaming.controlProblem(v, "\t"));
  }

  static Optional<String> tagKey(String v) {
    if (v.equals(ImageTags.BRANCH)
        || v.equals(ImageTags.TIMESTAMP)
        || v.equals(ImageTags.GIT)
        || v.startsWith(ImageTags.RESERVED_PREFIX)) {
      return Optional.of(
          "tag "
              + Problems.quote(v)
              + " is set by triton-origin itself; choose another name (reserved: branch,"
              + " timestamp, git and triton-origin.*)");
    }
    return first(length(v, MAX_TAG_KEY), ImageNaming.characterProblem(v));
  }

  static Optional<String> tagValue(String v) {
    return first(length(v, MAX_TAG_VALUE), ImageNaming.controlProblem(v, ""));
  }

  static Optional<String> metadataKey(String v) {
    if (v.equals("user-script") || v.startsWith("triton-origin:")) {
      return Optional.of(
          "metadata key "
              + Problems.quote(v)
              + " is used by the build itself; use 'script' for extra shell lines");
    }
    if (v.endsWith("_pw")) {
      return Optional.of(
          "metadata key " + Problems.quote(v) + " ends in _pw, which CloudAPI silently drops");
    }
    return first(
        length(v, MAX_TAG_KEY),
        ImageNaming.characterProblem(v),
        pattern(
            v,
            METADATA_KEY,
            "expected a metadata key of letters, digits, '_', '.', ':' and '-', starting with a"
                + " letter, digit or '_'"));
  }

  static Optional<String> metadataValue(String v) {
    return first(length(v, MAX_METADATA_VALUE), ImageNaming.controlProblem(v, "\t\n\r"));
  }

  static Optional<String> homepage(String v) {
    Optional<String> basic = first(length(v, MAX_HOMEPAGE), ImageNaming.characterProblem(v));
    if (basic.isPresent()) {
      return basic;
    }
    try {
      URI uri = new URI(v);
      String scheme = uri.getScheme();
      if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
          && uri.getHost() != null) {
        return Optional.empty();
      }
    } catch (URISyntaxException e) {
      // Falls through to the message below, which says what is expected.
    }
    return Optional.of(
        "expected an absolute http or https URL such as"
            + " https://github.com/TritonDataCenter/triton-origin-image, got "
            + Problems.quote(v));
  }

  private static Optional<String> length(String v, int max) {
    if (v.isEmpty()) {
      return Optional.of("is empty; expected a value");
    }
    if (v.length() > max) {
      return Optional.of("is " + v.length() + " characters long; at most " + max + " are allowed");
    }
    return Optional.empty();
  }

  private static Optional<String> pattern(String v, Pattern p, String expected) {
    return p.matcher(v).matches()
        ? Optional.empty()
        : Optional.of(Problems.quote(v) + " is not allowed; " + expected);
  }

  @SafeVarargs
  private static Optional<String> first(Optional<String>... checks) {
    for (Optional<String> c : checks) {
      if (c.isPresent()) {
        return c;
      }
    }
    return Optional.empty();
  }
}
