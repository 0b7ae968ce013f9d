package org.tritondatacenter.origin.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.LocalTritonOptions;

class LocalTritonExtensionTest {

  @BeforeEach
  void reset() {
    FakeSession.STARTED.set(0);
    FakeSession.CLOSED.set(0);
  }

  @Test
  void leakingTest_isFailedWithTheReport() {
    EngineExecutionResults results = FixtureRunner.run(LeakyFixture.class);

    results.testEvents().assertStatistics(s -> s.started(1).failed(1));
    assertThat(FixtureRunner.failures(results))
        .singleElement()
        .isInstanceOf(AssertionError.class)
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .contains("machine not deleted: m-1 (build-42)")
                    .contains("object outside expected paths: /alice/stor/tmp/x")
                    .contains("@ExpectLeaks"));
    assertThat(FakeSession.CLOSED).hasValue(1);
  }

  @Test
  void leakingTestMarkedExpectLeaks_passes() {
    EngineExecutionResults results = FixtureRunner.run(ExpectedLeakFixture.class);

    results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
    assertThat(FakeSession.CLOSED).hasValue(2);
  }

  @Test
  void leakingClassMarkedExpectLeaks_passes() {
    EngineExecutionResults results = FixtureRunner.run(ClassExpectsLeaksFixture.class);

    results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
  }

  @Test
  void cleanTests_passEachWithItsOwnSession() {
    EngineExecutionResults results = FixtureRunner.run(CleanFixture.class);

    results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
    assertThat(FakeSession.STARTED).hasValue(2);
    assertThat(FakeSession.CLOSED).hasValue(2);
  }

  @Test
  void failingTest_stillClosesItsSession() {
    EngineExecutionResults results = FixtureRunner.run(FailingFixture.class);

    results.testEvents().assertStatistics(s -> s.failed(1));
    assertThat(FakeSession.CLOSED).hasValue(1);
  }

  @Test
  void triton_outsideATest_failsWithAClearMessage() {
    LocalTritonExtension extension = new LocalTritonExtension(FakeSession::clean);

    assertThatThrownBy(extension::triton)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no local Triton is running");
  }

  @Test
  void withOptions_realLocalTriton_startsAndResolvesTheParameter() {
    assumeTrue(
        localTritonStarts(),
        "LocalTriton.start needs the auth, cloudapi and imgapi simulators, not all present yet");

    EngineExecutionResults results = FixtureRunner.run(RealFixture.class);

    results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
  }

  private static boolean localTritonStarts() {
    try (LocalTriton triton = LocalTriton.start(LocalTritonOptions.builder().build())) {
      return true;
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }

  @Fixture
  static class LeakyFixture {
    @RegisterExtension
    static final LocalTritonExtension triton = new LocalTritonExtension(FakeSession::leaky);

    @Test
    void leaks() {}
  }

  @Fixture
  static class ExpectedLeakFixture {
    @RegisterExtension
    final LocalTritonExtension triton = new LocalTritonExtension(FakeSession::leaky);

    @Test
    @ExpectLeaks("checks the report itself")
    void leaksOnPurpose() {
      assertThat(triton.leakReport().machines()).containsExactly("m-1 (build-42)");
    }

    @Test
    @ExpectLeaks
    void alsoOnPurpose() {}
  }

  @Fixture
  @ExpectLeaks("every test here checks a leak")
  static class ClassExpectsLeaksFixture {
    @RegisterExtension
    static final LocalTritonExtension triton = new LocalTritonExtension(FakeSession::leaky);

    @Test
    void leaks() {}
  }

  @Fixture
  static class CleanFixture {
    @RegisterExtension
    static final LocalTritonExtension triton = new LocalTritonExtension(FakeSession::clean);

    @Test
    void first() {
      assertThat(triton.leakReport().isEmpty()).isTrue();
    }

    @Test
    void second() {
      assertThat(triton.leakReport().isEmpty()).isTrue();
    }
  }

  @Fixture
  static class FailingFixture {
    @RegisterExtension
    static final LocalTritonExtension triton = new LocalTritonExtension(FakeSession::clean);

    @Test
    void fails() {
      throw new IllegalStateException("boom");
    }
  }

  @Fixture
  static class RealFixture {
    @RegisterExtension
    static final LocalTritonExtension triton = LocalTritonExtension.withDefaults();

    @Test
    void usesIt(LocalTriton t) {
      assertThat(t).isSameAs(triton.triton());
      assertThat(t.mantaUrl().getPort()).isPositive();
      assertThat(t.leakReport().isEmpty()).isTrue();
    }
  }
}
