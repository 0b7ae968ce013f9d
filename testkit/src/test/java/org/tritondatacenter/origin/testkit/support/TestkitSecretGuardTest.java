package org.tritondatacenter.origin.testkit.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * testkit's suite-wide guard, proven on fixture tests run through the Jupiter engine with extension
 * auto-detection on, as the build runs every test of the module.
 */
class TestkitSecretGuardTest {

  private static EngineExecutionResults run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
        .configurationParameter(GuardFixtures.PARAMETER, "true")
        .selectors(selectClass(fixture))
        .execute();
  }

  private static List<String> failures(EngineExecutionResults results) {
    return results.testEvents().failed().stream().map(TestkitSecretGuardTest::messages).toList();
  }

  /**
   * The failure's message with those of its suppressed exceptions, where the guard adds its own.
   */
  private static String messages(Event event) {
    Throwable t = event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    StringBuilder text = new StringBuilder(String.valueOf(t.getMessage()));
    for (Throwable s : t.getSuppressed()) {
      text.append('\n').append(s.getMessage());
    }
    return text.toString();
  }

  @Test
  void everyTest_runsUnderTheGuardWithoutAskingForIt() {
    assertThat(TestkitSecretGuard.guarding()).isTrue();
  }

  @Test
  void signatureMadeByTheSignerPrinted_failsTheTest() {
    assertThat(failures(run(GuardFixtures.PrintsTheAuthorizationHeader.class)))
        .singleElement()
        .satisfies(m -> assertThat(m).contains("a signature value appeared in standard output"));
  }

  @Test
  void signingKeyLogged_failsTheTestWithoutShowingTheKey() {
    assertThat(failures(run(GuardFixtures.LogsTheSigningKey.class)))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m)
                    .contains("a private key line appeared in a log record")
                    .doesNotContain("PRIVATE KEY"));
  }

  @Test
  void failureQuotingTheSignature_isCaughtToo() {
    assertThat(failures(run(GuardFixtures.FailsQuotingTheSignature.class)))
        .singleElement()
        .satisfies(m -> assertThat(m).contains("a signature value appeared in text recorded"));
  }

  @Test
  void localTritonKeyPrinted_failsTheTest() {
    assertThat(failures(run(GuardFixtures.PrintsTritonKey.class)))
        .singleElement()
        .satisfies(m -> assertThat(m).contains("a private key line appeared in standard error"));
  }

  @Test
  void publicPartsPrintedAndRecorded_pass() {
    run(GuardFixtures.Harmless.class)
        .testEvents()
        .assertStatistics(s -> s.started(1).succeeded(1).failed(0));
  }

  @Test
  void swallowedExceptionQuotingTheSignature_failsTheTest() {
    assertThat(failures(run(GuardFixtures.SwallowsAnExceptionQuotingTheSignature.class)))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m)
                    .contains(
                        "a signature value appeared in the message of a"
                            + " java.lang.IllegalStateException made during the test"));
  }
}
