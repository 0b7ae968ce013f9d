package io.jenkins.plugins.tritonorigin;

import hudson.EnvVars;
import hudson.model.Run;
import java.io.Serializable;

/**
 * What the build itself says about the branch, commit and time, which core uses when a step names
 * none: {@code BRANCH_NAME} (set by multibranch jobs), {@code GIT_COMMIT} (set by a git checkout)
 * and the build's start time.
 *
 * @param branch the branch, or null when the build has none
 * @param startMillis when the build started, in milliseconds since the epoch
 * @param gitCommit the commit, or null when the build has none
 */
record BuildDefaults(String branch, long startMillis, String gitCommit) implements Serializable {

  /** Reads the defaults from the build and its environment, which may be null. */
  static BuildDefaults of(Run<?, ?> run, EnvVars environment) {
    return new BuildDefaults(
        environment == null ? null : PlainValues.blankToNull(environment.get("BRANCH_NAME")),
        run.getStartTimeInMillis(),
        environment == null ? null : PlainValues.blankToNull(environment.get("GIT_COMMIT")));
  }
}
