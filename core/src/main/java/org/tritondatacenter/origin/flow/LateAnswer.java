package org.tritondatacenter.origin.flow;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.tritondatacenter.origin.WaitTimeoutException;
import org.tritondatacenter.origin.wait.Waiter;

/**
 * Looks again, for a short while, for what a create call made when its answer never came: the call
 * was cut off (an abort, a read timeout, a lost connection) while the server still worked on it, so
 * the machine or image may appear a moment after cleanup first looked. Without this second look it
 * would be left behind unreported.
 *
 * <p>Only cleanup uses it, and only after a create call that got no answer, so an ordinary run
 * never waits here.
 */
public final class LateAnswer {
  /**
   * How long cleanup keeps looking. CloudAPI records a new machine or image, and IMGAPI an imported
   * manifest, within seconds of the request; longer would eat into the minute Jenkins allows an
   * aborted step.
   */
  public static final Duration WAIT = Duration.ofSeconds(15);

  private LateAnswer() {}

  /**
   * Polls {@code find} until it finds something or {@link #WAIT} (at most the cleanup time left)
   * passes, and returns what it found.
   *
   * @param waiter polls on the operation's clock, reporting each poll
   * @param what what is looked for, in the words of the messages, such as {@code machine of an
   *     unanswered CreateMachine}
   * @param subject what it belongs to, such as the image name
   * @throws org.tritondatacenter.origin.TritonException when {@code find} fails other than
   *     transiently, or the thread is interrupted
   */
  public static <T> Optional<T> await(
      Waiter waiter, Cleanup cleanup, String what, String subject, Supplier<Optional<T>> find) {
    Objects.requireNonNull(find, "find == null");
    Duration limit = cleanup.remaining().compareTo(WAIT) < 0 ? cleanup.remaining() : WAIT;
    if (limit.isZero()) {
      return Optional.empty();
    }
    try {
      return waiter
          .waitFor(what, subject, find, found -> found.isPresent() ? "made" : "not made")
          .until("made")
          .timeout(limit)
          .await();
    } catch (WaitTimeoutException e) {
      return Optional.empty();
    }
  }
}
