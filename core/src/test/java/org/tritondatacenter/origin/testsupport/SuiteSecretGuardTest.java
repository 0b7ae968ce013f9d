package org.tritondatacenter.origin.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The suite-wide guard, proven on fixture tests run through the Jupiter engine with extension
 * auto-detection on, as the build runs every test. The fixtures hand their secrets only to their
 * own guard, so this test's guard stays clean.
 */
class SuiteSecretGuardTest {

  private static EngineExecutionResults run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
        .configurationParameter(GuardFixtures.PARAMETER, "true")
        .selectors(selectClass(fixture))
        .execute();
  }

  private static List<Throwable> failures(EngineExecutionResults results) {
    return results.testEvents().failed().stream().map(SuiteSecretGuardTest::throwable).toList();
  }

  private static Throwable throwable(Event event) {
    return event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
  }

  @Test
  void everyTest_runsUnderTheGuardWithoutAskingForIt() {
    assertThat(SuiteSecretGuard.guarding()).isTrue();
  }

  @Test
  void localTritonKeyPrinted_failsTheTestWithoutShowingTheKey() {
    List<Throwable> failures = failures(run(GuardFixtures.PrintsTritonKey.class));

    assertThat(failures)
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .contains("a private key line appeared in standard output")
                    .doesNotContain("PRIVATE KEY"));
  }

  @Test
  void signatureSentToTheLocalTritonRecorded_failsTheTest() {
    List<Throwable> failures = failures(run(GuardFixtures.RecordsSignature.class));

    assertThat(failures)
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .contains("a signature value appeared in text recorded by the test"));
  }

  @Test
  void fixtureKeyLineOrPassphraseRecorded_failsEachTest() {
    List<Throwable> failures = failures(run(GuardFixtures.RecordsFixtureSecrets.class));

    assertThat(failures)
        .extracting(Throwable::getMessage)
        .hasSize(2)
        .anySatisfy(m -> assertThat(m).contains("a passphrase appeared"))
        .anySatisfy(m -> assertThat(m).contains("a private key line appeared"));
  }

  @Test
  void failureMessageWithThePassphrase_isCaughtToo() {
    List<Throwable> failures = failures(run(GuardFixtures.FailsQuotingThePassphrase.class));

    assertThat(failures)
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getSuppressed())
                    .singleElement()
                    .satisfies(s -> assertThat(s.getMessage()).contains("a passphrase appeared")));
  }

  @Test
  void harmlessOutputAndEvents_pass() {
    EngineExecutionResults results = run(GuardFixtures.Harmless.class);

    results.testEvents().assertStatistics(s -> s.started(1).succeeded(1).failed(0));
  }

  @Test
  void signatureSentToAMockServerAndTakenByTheTest_failsTheTest() {
    List<Throwable> failures = failures(run(GuardFixtures.PrintsTheHeaderSentToAMockServer.class));

    assertThat(failures)
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .contains("a signature value appeared in standard output")
                    .doesNotContain(GuardFixtures.HEADER_SIGNATURE));
  }

  @Test
  void urlSignatureSentToAMockServerWithItsOwnDispatcher_failsTheTest() {
    List<Throwable> failures =
        failures(run(GuardFixtures.LogsTheUrlSentToAMockServerWithItsOwnDispatcher.class));

    assertThat(failures)
        .singleElement()
        .satisfies(
            e -> assertThat(e.getMessage()).contains("a signature value appeared in a log record"));
  }

  @Test
  void caughtExceptionWhoseCauseQuotesThePassphrase_failsTheTest() {
    List<Throwable> failures =
        failures(run(GuardFixtures.CatchesAnExceptionQuotingThePassphrase.class));

    assertThat(failures)
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .contains("a passphrase appeared in text recorded by the test"));
  }

  @Test
  void mockServerRequestLineAndPlainCaughtException_pass() {
    run(GuardFixtures.HarmlessMockServer.class)
        .testEvents()
        .assertStatistics(s -> s.started(1).succeeded(1).failed(0));
  }

  @Test
  void exceptionQuotingAKeyLineCaughtWithoutHelp_failsTheTestNamingItsClass() {
    List<Throwable> failures =
        failures(run(GuardFixtures.SwallowsAnExceptionQuotingAKeyLine.class));

    assertThat(failures)
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .contains(
                        "a private key line appeared in the message of a"
                            + " java.lang.IllegalArgumentException made during the test"));
  }
}
