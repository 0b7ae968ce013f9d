package org.tritondatacenter.origin.testkit.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that fails on purpose and is meant to run only inside {@link FixtureRunner},
 * never on its own (from an IDE, say).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(Fixture.OnlyInFixtureRunner.class)
@interface Fixture {
  String PARAMETER = "triton-origin.fixtures";

  /** Enables a fixture only when the fixture runner set its configuration parameter. */
  final class OnlyInFixtureRunner implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(PARAMETER).isPresent()
          ? ConditionEvaluationResult.enabled("run by FixtureRunner")
          : ConditionEvaluationResult.disabled(
              "a fixture that fails on purpose; see FixtureRunner");
    }
  }
}
