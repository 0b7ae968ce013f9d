package org.tritondatacenter.origin.reliability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.testsupport.SuiteSecretGuard;

/** Keeps every event an operation or client reports, and hands each to the suite's secret guard. */
final class Events implements EventListener {
  private final List<Event> events = new CopyOnWriteArrayList<>();

  @Override
  public void on(Event event) {
    events.add(event);
    SuiteSecretGuard.record(String.valueOf(event));
  }

  List<Event> all() {
    return List.copyOf(events);
  }

  <T extends Event> List<T> of(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  List<String> warnings() {
    return of(Event.Warning.class).stream().map(Event.Warning::message).toList();
  }

  List<String> infos() {
    return of(Event.Info.class).stream().map(Event.Info::message).toList();
  }
}
