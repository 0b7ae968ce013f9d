package org.tritondatacenter.origin.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.cli.config.GitInfo;
import org.tritondatacenter.origin.images.BuildStamp;
import org.tritondatacenter.origin.images.ImagesFile;
import org.tritondatacenter.origin.images.ImagesJsonReader;

/**
 * What a build starts from: images.json, read and checked here so its errors name the file, and the
 * branch, time and commit, from the flags or else from git in the working directory. Inside a git
 * working tree, uncommitted changes to tracked files are refused unless allowed, whether the stamps
 * came from git or from the flags.
 *
 * @param imagesFile the images file
 * @param imagesJson its text, as core takes it
 * @param images its parsed entries
 * @param branch the branch, as git names it
 * @param timestamp the build time
 * @param commit the commit hash
 */
record BuildInput(
    Path imagesFile,
    String imagesJson,
    ImagesFile images,
    String branch,
    Instant timestamp,
    String commit) {

  /**
   * Reads the input.
   *
   * @param given the build contract's options as given ({@code images}, {@code branch}, {@code
   *     timestamp}, {@code gitCommit}, {@code allowKnownBrokenOrigin})
   * @param allowDirty whether a working tree with uncommitted changes may be built from; true also
   *     spares asking git at all when the branch and commit are given
   * @throws UsageException when the working directory is in a git working tree with uncommitted
   *     changes and {@code allowDirty} is false
   */
  static BuildInput read(CliEnvironment env, Map<String, Object> given, boolean allowDirty) {
    Object images = given.getOrDefault("images", "images.json");
    Path file = env.workingDir().resolve(images.toString()).normalize();
    ImagesJsonReader reader = ImagesJsonReader.strict();
    if (Boolean.TRUE.equals(given.get("allowKnownBrokenOrigin"))) {
      reader = reader.allowingKnownBrokenOrigins();
    }
    ImagesFile parsed = reader.read(file);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new TritonException("cannot read " + file + ": " + e.getMessage(), e);
    }
    String branch = (String) given.get("branch");
    String timestamp = (String) given.get("timestamp");
    String commit = (String) given.get("gitCommit");
    Path dir = env.workingDir();
    boolean dirty;
    if (branch == null || commit == null) {
      GitInfo git = GitInfo.read(dir, env.env());
      dirty = git.dirty();
      branch = branch != null ? branch : git.branch();
      commit = commit != null ? commit : git.commit();
    } else {
      // Stamps given by hand do not make a dirty checkout match its commit. Outside git (a CI
      // workspace without .git, a temporary directory) there is nothing to compare.
      dirty = !allowDirty && GitInfo.inWorkTree(dir) && GitInfo.dirty(dir);
    }
    if (dirty && !allowDirty) {
      throw new UsageException(
          "the working tree "
              + dir
              + " has uncommitted changes, so the image would not match its commit; commit"
              + " them, or give --allow-dirty");
    }
    Instant time =
        timestamp != null && BuildStamp.isTimestamp(timestamp.strip())
            ? BuildStamp.of("x", timestamp.strip(), "0000000").instant()
            : env.clock().now();
    return new BuildInput(file, text, parsed, branch.strip(), time, commit.strip());
  }

  /** Returns the stamp the default version and Manta directory come from. */
  BuildStamp stamp() {
    return BuildStamp.of(branch, timestamp, commit);
  }
}
