package org.tritondatacenter.origin.build;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.tritondatacenter.origin.WaitTimeoutException;
import org.tritondatacenter.origin.flow.Cleanup;

/**
 * Looks again, for a short while, for what a create call made when its answer never came: the call
 * was cut off (an abort, a lost connection) while the server still worked on it, so the machine or
 * image may appear a moment after cleanup first looked. Without this second look it would be left
 * behind unreported.
 */
final class LateAnswer {
  /**
   * How long cleanup keeps looking. CloudAPI records a new machine or image within seconds of the
   * request; longer would eat into the minute Jenkins allows an aborted step.
   */
  static final Duration WAIT = Duration.ofSeconds(15);

  private LateAnswer() {}

  /**
   * Polls {@code find} until it finds something or {@link #WAIT} (at most the cleanup time left)
   * passes.
   *
   * @param what what is looked for, in the words of the messages
   */
  static <T> Optional<T> await(
      ImageJob job, Cleanup cleanup, String what, Supplier<Optional<T>> find) {
    Duration limit = cleanup.remaining().compareTo(WAIT) < 0 ? cleanup.remaining() : WAIT;
    if (limit.isZero()) {
      return Optional.empty();
    }
    try {
      return job.build()
          .waiter()
          .waitFor(what, job.name(), find, found -> found.isPresent() ? "made" : "not made")
          .until("made")
          .timeout(limit)
          .await();
    } catch (WaitTimeoutException e) {
      return Optional.empty();
    }
  }
}
