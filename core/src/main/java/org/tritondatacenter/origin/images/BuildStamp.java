package org.tritondatacenter.origin.images;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.tritondatacenter.origin.TritonException;

/**
 * The branch, time and commit a build comes from, which give the default image version {@code
 * <branch>-<YYYYMMDDTHHMMSSZ>-g<shortsha>}, the builds directory {@code <branch>-<timestamp>} and
 * the {@code branch}, {@code timestamp} and {@code git} tags.
 *
 * <p>Adapters supply the values: Jenkins from its build environment, the command line from git.
 *
 * @param branch the sanitised branch name (see {@link ImageNaming#sanitizeBranch(String)})
 * @param timestamp the build time as {@code YYYYMMDDTHHMMSSZ}, in UTC
 * @param commit the commit hash, lower-case hex, 7 to 40 characters
 */
public record BuildStamp(String branch, String timestamp, String commit) {
  /** Longest sanitised branch that still leaves a version within IMGAPI's 128 characters. */
  public static final int MAX_BRANCH =
      ImageNaming.MAX_VERSION - "-YYYYMMDDTHHMMSSZ-g1234567".length();

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern STAMP_SHAPE = Pattern.compile("[0-9]{8}T[0-9]{6}Z");
  private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern COMMIT = Pattern.compile("[0-9a-fA-F]{7,40}");

  /**
   * Creates a stamp from values already in their final form.
   *
   * @throws TritonException naming every field that is malformed
   */
  public BuildStamp {
    List<String> problems = new ArrayList<>();
    if (branch == null || branch.isEmpty()) {
      problems.add("branch is empty; expected the git branch name, such as master");
    } else if (!BRANCH.matcher(branch).matches()) {
      problems.add(
          "branch " + Problems.quote(branch) + " is not sanitised; use BuildStamp.of(...)");
    } else if (branch.length() > MAX_BRANCH) {
      problems.add(
          "branch "
              + Problems.quote(branch)
              + " is "
              + branch.length()
              + " characters long; at most "
              + MAX_BRANCH
              + " fit in an image version");
    }
    if (timestamp == null || !isTimestamp(timestamp)) {
      problems.add(
          "timestamp "
              + (timestamp == null ? "is missing" : Problems.quote(timestamp) + " is malformed")
              + "; expected UTC time as YYYYMMDDTHHMMSSZ, such as 20250116T175211Z");
    }
    if (commit == null || !COMMIT.matcher(commit).matches()) {
      problems.add(
          "gitCommit "
              + (commit == null ? "is missing" : Problems.quote(commit) + " is malformed")
              + "; expected a git commit hash of 7 to 40 hex digits");
    }
    if (!problems.isEmpty()) {
      throw new TritonException("invalid build stamp: " + String.join("; ", problems));
    }
    commit = commit.toLowerCase(Locale.ROOT);
  }

  /**
   * Creates a stamp, sanitising the branch name.
   *
   * @param branch the branch name as git or Jenkins reports it, such as {@code feature/x}
   * @param timestamp {@code YYYYMMDDTHHMMSSZ}
   * @param commit the commit hash
   */
  public static BuildStamp of(String branch, String timestamp, String commit) {
    return new BuildStamp(
        branch == null ? null : ImageNaming.sanitizeBranch(branch), timestamp, commit);
  }

  /** Creates a stamp from a build time, dropping its fractions of a second. */
  public static BuildStamp of(String branch, Instant time, String commit) {
    return of(branch, formatTimestamp(time), commit);
  }

  /** Returns {@code time} as {@code YYYYMMDDTHHMMSSZ} in UTC. */
  public static String formatTimestamp(Instant time) {
    return STAMP.format(time.atOffset(ZoneOffset.UTC));
  }

  /** Returns true when {@code text} is a real UTC time written as {@code YYYYMMDDTHHMMSSZ}. */
  public static boolean isTimestamp(String text) {
    if (!STAMP_SHAPE.matcher(text).matches()) {
      return false;
    }
    try {
      LocalDateTime.parse(text, STAMP);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** Returns true for a commit hash of 7 to 40 hex digits. */
  public static boolean isCommit(String text) {
    return text != null && COMMIT.matcher(text).matches();
  }

  /** Returns the build time. */
  public Instant instant() {
    return LocalDateTime.parse(timestamp, STAMP).toInstant(ZoneOffset.UTC);
  }

  /** Returns the first seven hex digits of the commit. */
  public String shortCommit() {
    return commit.substring(0, 7);
  }

  /** Returns the default image version, {@code <branch>-<timestamp>-g<shortsha>}. */
  public String version() {
    return branch + "-" + timestamp + "-g" + shortCommit();
  }

  /** Returns the name of this build's directory in the Manta builds layout. */
  public String buildDirName() {
    return branch + "-" + timestamp;
  }
}
