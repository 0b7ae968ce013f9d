package org.tritondatacenter.origin.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.events.EventListener;

/**
 * What a cleanup pass knows and collects: its deadline, and the resources it could not remove.
 * Tasks call {@link #removed} and {@link #leftBehind} so the user sees every action.
 */
public final class Cleanup {
  private final Supplier<Instant> now;
  private final Instant deadline;
  private final boolean succeeded;
  private final EventListener listener;
  private final List<String> leftBehind = new ArrayList<>();

  Cleanup(Supplier<Instant> now, Duration budget, boolean succeeded, EventListener listener) {
    this.now = now;
    this.deadline = now.get().plus(budget);
    this.succeeded = succeeded;
    this.listener = listener;
  }

  /**
   * Returns true when every task succeeded. Cleanup runs after success too, so that, for example,
   * the temporary machine is always deleted while the image it made is kept.
   */
  public boolean succeeded() {
    return succeeded;
  }

  /** Returns the time left before the cleanup deadline; never negative. */
  public Duration remaining() {
    Duration left = Duration.between(now.get(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** Returns true once the cleanup deadline has passed. */
  public boolean expired() {
    return remaining().isZero();
  }

  /** Reports a resource removed, such as ({@code delete machine}, {@code 1a2b...}). */
  public synchronized void removed(String action, String resource) {
    listener.on(new Event.Cleanup(action, resource, true, null));
  }

  /**
   * Reports a resource that could not be removed, with how to remove it by hand, for example
   * ({@code delete machine}, {@code machine 1a2b... (TEMP-...)}, {@code "triton instance rm
   * 1a2b..."}).
   */
  public synchronized void leftBehind(String action, String resource, String howToRemove) {
    String what = resource + (howToRemove == null ? "" : " (remove with: " + howToRemove + ")");
    leftBehind.add(what);
    listener.on(new Event.Cleanup(action, resource, false, howToRemove));
  }

  /** Returns what could not be removed so far. */
  public synchronized List<String> leftBehindList() {
    return List.copyOf(leftBehind);
  }
}
