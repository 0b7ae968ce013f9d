package org.tritondatacenter.origin.wait;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.WaitTimeoutException;
import org.tritondatacenter.origin.events.Event;

/** One run of a {@link Waiter.Wait}: the mutable state of a single wait. */
final class PollLoop<T> {
  private final Waiter waiter;
  private final String resource;
  private final String id;
  private final Supplier<? extends T> poll;
  private final Function<? super T, String> stateOf;
  private final Set<String> wanted;
  private final Set<String> terminal;
  private final Duration timeout;

  private String lastSeen;
  private TritonException lastError;

  PollLoop(
      Waiter waiter,
      String resource,
      String id,
      Supplier<? extends T> poll,
      Function<? super T, String> stateOf,
      Set<String> wanted,
      Set<String> terminal,
      Duration timeout) {
    this.waiter = waiter;
    this.resource = resource;
    this.id = id;
    this.poll = poll;
    this.stateOf = stateOf;
    this.wanted = wanted;
    this.terminal = terminal;
    this.timeout = timeout;
  }

  T run() {
    Instant start = waiter.clock().now();
    Instant deadline = start.plus(timeout);
    int errorsInARow = 0;
    for (int polls = 0; ; polls++) {
      if (Thread.currentThread().isInterrupted()) {
        throw interrupted(null);
      }
      Duration serverAskedFor = Duration.ZERO;
      try {
        T value = poll.get();
        errorsInARow = 0;
        lastError = null;
        lastSeen = String.valueOf(stateOf.apply(value));
        waiter.listener().on(new Event.Waiting(resource, id, wanted, lastSeen, since(start)));
        if (wanted.contains(lastSeen) || terminal.contains(lastSeen)) {
          return value;
        }
      } catch (TritonApiException e) {
        if (!e.isRetryable() || ++errorsInARow > waiter.maxConsecutiveErrors()) {
          throw e;
        }
        lastError = e;
        serverAskedFor = e.retryAfter() == null ? Duration.ZERO : e.retryAfter();
        reportTolerated(e, errorsInARow);
      } catch (TritonIoException e) {
        if (++errorsInARow > waiter.maxConsecutiveErrors()) {
          throw e;
        }
        lastError = e;
        reportTolerated(e, errorsInARow);
      }

      Instant now = waiter.clock().now();
      if (!now.isBefore(deadline)) {
        WaitTimeoutException timedOut =
            new WaitTimeoutException(resource, id, wanted, lastSeen, Duration.between(start, now));
        if (lastError != null) {
          timedOut.addSuppressed(lastError);
        }
        throw timedOut;
      }
      Duration delay = max(waiter.backoff().delay(polls), serverAskedFor);
      Duration remaining = Duration.between(now, deadline);
      sleep(delay.compareTo(remaining) > 0 ? remaining : delay);
    }
  }

  private void reportTolerated(TritonException e, int errorsInARow) {
    waiter
        .listener()
        .on(
            new Event.Warning(
                "polling "
                    + resource
                    + " "
                    + id
                    + " failed ("
                    + errorsInARow
                    + " of "
                    + waiter.maxConsecutiveErrors()
                    + " tolerated in a row): "
                    + e.getMessage()));
  }

  private void sleep(Duration delay) {
    try {
      waiter.sleeper().sleep(delay);
    } catch (InterruptedException e) {
      throw interrupted(e);
    }
  }

  private OperationInterruptedException interrupted(InterruptedException cause) {
    // Re-assert first: code further up (cleanup, the Jenkins step) must still see the interrupt.
    Thread.currentThread().interrupt();
    String message =
        "interrupted while waiting for "
            + resource
            + " "
            + id
            + " to reach "
            + wanted
            + " (last seen: "
            + (lastSeen == null ? "no answer" : lastSeen)
            + ")";
    return cause == null
        ? new OperationInterruptedException(message)
        : new OperationInterruptedException(message, cause);
  }

  private Duration since(Instant start) {
    return Duration.between(start, waiter.clock().now());
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
