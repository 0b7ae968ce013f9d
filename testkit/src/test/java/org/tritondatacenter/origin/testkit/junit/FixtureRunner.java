package org.tritondatacenter.origin.testkit.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs a {@link Fixture} class through the Jupiter engine and reports how its tests ended. */
final class FixtureRunner {
  private FixtureRunner() {}

  static EngineExecutionResults run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter(Fixture.PARAMETER, "true")
        .selectors(selectClass(fixture))
        .execute();
  }

  /** Returns the failures of the fixture's tests. */
  static List<Throwable> failures(EngineExecutionResults results) {
    return results.testEvents().failed().stream().map(FixtureRunner::throwable).toList();
  }

  private static Throwable throwable(Event event) {
    return event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
  }
}
