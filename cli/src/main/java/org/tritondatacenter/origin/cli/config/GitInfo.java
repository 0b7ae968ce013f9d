package org.tritondatacenter.origin.cli.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What {@code git} says about the working tree a build runs from: the branch, the commit and
 * whether tracked files have uncommitted changes. Untracked files do not count, so the state file
 * under {@code .triton-origin/} never makes a tree dirty.
 *
 * @param branch the branch checked out, as git names it (core sanitises it)
 * @param commit the full commit hash of {@code HEAD}
 * @param dirty true when tracked files differ from {@code HEAD}
 */
public record GitInfo(String branch, String commit, boolean dirty) {
  /** What git is asked, for messages: what it could not tell, and how to do without it. */
  private enum Question {
    STAMP(
        "the branch and commit of",
        "; run in a git checkout, or give --branch, --timestamp and --git-commit"),
    DIRTY(
        "whether tracked files have uncommitted changes in",
        "; fix git there, or give --allow-dirty to build without this check");

    final String what;
    final String hint;

    Question(String what, String hint) {
      this.what = what;
      this.hint = hint;
    }
  }

  /**
   * Asks {@code git} in {@code dir}. A detached {@code HEAD} takes its branch from {@code
   * BRANCH_NAME}, as CI systems set it.
   *
   * @throws ConfigException when {@code dir} is not a git working tree, git is missing, or the
   *     branch cannot be told; the message names the flags that supply the values instead
   */
  public static GitInfo read(Path dir, Map<String, String> env) {
    String branch = git(dir, Question.STAMP, "rev-parse", "--abbrev-ref", "HEAD");
    if (branch.equals("HEAD")) {
      String fromEnv = env.get("BRANCH_NAME");
      if (fromEnv == null || fromEnv.isBlank()) {
        throw new ConfigException(
            "git HEAD is detached in "
                + dir
                + ", so it names no branch; give --branch (or set BRANCH_NAME)");
      }
      branch = fromEnv.strip();
    }
    String commit = git(dir, Question.STAMP, "rev-parse", "HEAD");
    return new GitInfo(branch, commit, dirty(dir));
  }

  /**
   * Returns true when {@code dir} or a directory above it holds {@code .git}: a directory in a
   * clone, a file in a linked worktree or a submodule. It looks at the files rather than asking
   * git, so a checkout git refuses to read (another owner, say) still counts, and the dirty check
   * then fails loudly instead of being skipped.
   */
  public static boolean inWorkTree(Path dir) {
    Path real;
    try {
      // git resolves symbolic links, so the .git it finds is above the real directory.
      real = dir.toRealPath();
    } catch (IOException e) {
      real = dir.toAbsolutePath().normalize();
    }
    for (Path p = real; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Asks {@code git} in {@code dir} whether tracked files differ from {@code HEAD}; untracked files
   * do not count.
   *
   * @throws ConfigException when git cannot answer; the message names {@code --allow-dirty}
   */
  public static boolean dirty(Path dir) {
    return !git(dir, Question.DIRTY, "status", "--porcelain", "--untracked-files=no").isEmpty();
  }

  private static String git(Path dir, Question question, String... args) {
    String hint = question.hint;
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new ConfigException("cannot run git to tell " + question.what + " " + dir + hint, e);
    }
    try (InputStream in = process.getInputStream()) {
      process.getOutputStream().close();
      String output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new ConfigException("git did not answer within 30 s in " + dir + hint);
      }
      if (process.exitValue() != 0) {
        String first = output.lines().findFirst().orElse("exit status " + process.exitValue());
        throw new ConfigException(
            "git cannot tell " + question.what + " " + dir + ": " + first + hint);
      }
      return output;
    } catch (IOException e) {
      throw new ConfigException("cannot read git's answer in " + dir + hint, e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new ConfigException("interrupted while asking git in " + dir, e);
    }
  }
}
