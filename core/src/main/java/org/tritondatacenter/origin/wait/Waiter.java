package org.tritondatacenter.origin.wait;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.tritondatacenter.origin.events.EventListener;

/**
 * Polls a resource on the injected clock until it reaches a wanted or a terminal state.
 *
 * <p>Between polls it sleeps according to a {@link Backoff} (by default {@link Backoff#polling()}),
 * never less than a {@code Retry-After} the server asked for. Up to a few consecutive transient
 * failures (a retryable {@link org.tritondatacenter.origin.TritonApiException} or a {@link
 * org.tritondatacenter.origin.TritonIoException}) are tolerated, unlike the reference clients that
 * abort a long wait on the first 503. Every poll reports an {@link
 * org.tritondatacenter.origin.events.Event.Waiting}. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * Machine m = waiter.waitFor("machine", id, () -> cloudApi.getMachine(id), Machine::stateName)
 *     .until("running")
 *     .terminal("failed")
 *     .timeout(Duration.ofMinutes(10))
 *     .await();
 * }</pre>
 */
public final class Waiter {
  /** How many transient poll failures in a row a wait tolerates by default. */
  public static final int DEFAULT_MAX_CONSECUTIVE_ERRORS = 5;

  private final Clock clock;
  private final Sleeper sleeper;
  private final EventListener listener;
  private final Backoff backoff;
  private final int maxConsecutiveErrors;

  private Waiter(
      Clock clock,
      Sleeper sleeper,
      EventListener listener,
      Backoff backoff,
      int maxConsecutiveErrors) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
    this.listener = Objects.requireNonNull(listener, "listener == null");
    this.backoff = Objects.requireNonNull(backoff, "backoff == null");
    this.maxConsecutiveErrors = maxConsecutiveErrors;
  }

  /** Creates a waiter with {@link Backoff#polling()} that tolerates 5 consecutive errors. */
  public static Waiter create(Clock clock, Sleeper sleeper, EventListener listener) {
    return new Waiter(clock, sleeper, listener, Backoff.polling(), DEFAULT_MAX_CONSECUTIVE_ERRORS);
  }

  /** Returns a copy that sleeps between polls according to {@code backoff}. */
  public Waiter withBackoff(Backoff backoff) {
    return new Waiter(clock, sleeper, listener, backoff, maxConsecutiveErrors);
  }

  /** Returns a copy that tolerates {@code max} consecutive transient poll failures (0 or more). */
  public Waiter withMaxConsecutiveErrors(int max) {
    if (max < 0) {
      throw new IllegalArgumentException("max < 0: " + max);
    }
    return new Waiter(clock, sleeper, listener, backoff, max);
  }

  Clock clock() {
    return clock;
  }

  Sleeper sleeper() {
    return sleeper;
  }

  EventListener listener() {
    return listener;
  }

  Backoff backoff() {
    return backoff;
  }

  int maxConsecutiveErrors() {
    return maxConsecutiveErrors;
  }

  /**
   * Starts describing a wait for {@code resource} {@code id}.
   *
   * @param resource what is waited for, in the words of the messages, such as {@code machine}
   * @param id the resource id
   * @param poll fetches the resource once; it may throw the exceptions of a typed client
   * @param stateOf extracts the state name, such as {@code running}, from a fetched value
   */
  public <T> Wait<T> waitFor(
      String resource, String id, Supplier<? extends T> poll, Function<? super T, String> stateOf) {
    return new Wait<>(this, resource, id, poll, stateOf);
  }

  /**
   * One wait being described; {@link #await()} runs it. The wanted states and the timeout are
   * required.
   *
   * @param <T> the polled value
   */
  public static final class Wait<T> {
    private final Waiter waiter;
    private final String resource;
    private final String id;
    private final Supplier<? extends T> poll;
    private final Function<? super T, String> stateOf;
    private Set<String> wanted = Set.of();
    private Set<String> terminal = Set.of();
    private Duration timeout;

    private Wait(
        Waiter waiter,
        String resource,
        String id,
        Supplier<? extends T> poll,
        Function<? super T, String> stateOf) {
      this.waiter = waiter;
      this.resource = Objects.requireNonNull(resource, "resource == null");
      this.id = Objects.requireNonNull(id, "id == null");
      this.poll = Objects.requireNonNull(poll, "poll == null");
      this.stateOf = Objects.requireNonNull(stateOf, "stateOf == null");
    }

    /** Sets the states that end the wait successfully. */
    public Wait<T> until(String... states) {
      return until(Set.of(states));
    }

    /** Sets the states that end the wait successfully. */
    public Wait<T> until(Set<String> states) {
      this.wanted = Set.copyOf(states);
      return this;
    }

    /**
     * Sets the states that end the wait at once, such as {@code failed}. The wait returns the value
     * in that state; the caller turns it into an error carrying the resource's own error details.
     */
    public Wait<T> terminal(String... states) {
      this.terminal = Set.of(states);
      return this;
    }

    /** Sets how long to wait at most, measured on the waiter's clock. */
    public Wait<T> timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("timeout < 0: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Polls until the state is wanted or terminal and returns the last value.
     *
     * @throws org.tritondatacenter.origin.WaitTimeoutException at the deadline, naming the last
     *     state seen
     * @throws org.tritondatacenter.origin.OperationInterruptedException when the thread is
     *     interrupted; the interrupt flag stays set
     * @throws org.tritondatacenter.origin.TritonException the poll's own failure when it is not
     *     transient, or after too many transient failures in a row
     */
    public T await() {
      if (wanted.isEmpty()) {
        throw new IllegalStateException("no wanted states for " + resource + " " + id);
      }
      if (timeout == null) {
        throw new IllegalStateException("no timeout for " + resource + " " + id);
      }
      return new PollLoop<T>(waiter, resource, id, poll, stateOf, wanted, terminal, timeout).run();
    }
  }
}
