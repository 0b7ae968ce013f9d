package org.tritondatacenter.origin.testkit.http;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every request the local Triton answered, in order of completion. Thread-safe.
 *
 * <p>A client can see an answer a moment before the server has recorded it, so reads wait briefly
 * (at most a second) for requests still in flight to be recorded.
 */
public final class RequestLog {
  private static final long SETTLE_MILLIS = 1000;

  private final List<RequestRecord> records = new ArrayList<>();
  private int inFlight;

  synchronized void begin() {
    inFlight++;
  }

  synchronized void add(RequestRecord record) {
    records.add(record);
    inFlight--;
    notifyAll();
  }

  /** Returns a snapshot of every record. */
  public synchronized List<RequestRecord> all() {
    settle();
    return List.copyOf(records);
  }

  /** Returns the records that match. */
  public synchronized List<RequestRecord> matching(Predicate<RequestRecord> filter) {
    settle();
    return records.stream().filter(filter).toList();
  }

  /** Returns the records of one operation, such as {@code CreateMachine}. */
  public List<RequestRecord> operation(String operation) {
    return matching(r -> r.operation().equals(operation));
  }

  /** Returns how many requests of one operation were answered. */
  public int count(String operation) {
    return operation(operation).size();
  }

  /** Forgets every record. */
  public synchronized void clear() {
    settle();
    records.clear();
  }

  private void settle() {
    long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
    while (inFlight > 0) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        return;
      }
      try {
        wait(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
