package org.tritondatacenter.origin.it;

import java.util.ArrayList;
import java.util.List;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.events.EventListener;

/** Keeps every event the clients emit, for assertions on warnings and waits. */
final class RecordingListener implements EventListener {
  private final List<Event> events = new ArrayList<>();

  @Override
  public synchronized void on(Event event) {
    events.add(event);
  }

  synchronized List<String> warnings() {
    return events.stream()
        .filter(e -> e instanceof Event.Warning)
        .map(e -> ((Event.Warning) e).message())
        .toList();
  }

  synchronized <T extends Event> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
