package org.tritondatacenter.origin.operations;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.testsupport.SuiteSecretGuard;

/** Keeps every event, and can interrupt a thread when a chosen event arrives. */
public final class RecordingListener implements EventListener {
  private final List<Event> events = new CopyOnWriteArrayList<>();
  private volatile Predicate<Event> interruptOn;
  private volatile Thread toInterrupt;

  @Override
  public void on(Event event) {
    events.add(event);
    // Every event goes to the suite's secret guard as well.
    SuiteSecretGuard.record(String.valueOf(event));
    Predicate<Event> trigger = interruptOn;
    if (trigger != null && trigger.test(event)) {
      interruptOn = null;
      toInterrupt.interrupt();
    }
  }

  /** Interrupts the calling thread when the first event matching {@code trigger} arrives. */
  public RecordingListener interruptWhen(Predicate<Event> trigger) {
    this.toInterrupt = Thread.currentThread();
    this.interruptOn = trigger;
    return this;
  }

  public List<Event> events() {
    return List.copyOf(events);
  }

  /** Returns the events of one type, in the order they arrived. */
  public <T extends Event> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Returns the messages of the warnings received. */
  public List<String> warnings() {
    return events.stream()
        .filter(e -> e instanceof Event.Warning)
        .map(e -> ((Event.Warning) e).message())
        .toList();
  }

  /** Returns true when an info event contains {@code text}. */
  public static Predicate<Event> info(String text) {
    return e -> e instanceof Event.Info i && i.message().contains(text);
  }

  /** Returns every event as text, for the secret guard. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    events.forEach(e -> sb.append(e).append('\n'));
    return sb.toString();
  }
}
