package org.tritondatacenter.origin.runner;

import java.util.Map;
import java.util.Objects;
import org.tritondatacenter.origin.steps.Step;

/**
 * Runs a step for an adapter: the Jenkins steps and the command line call nothing else.
 *
 * <pre>{@code
 * Map<String, Object> built = StepRunner.run(Step.TRITON_ORIGIN_BUILD,
 *     Map.of("imagesJson", text, "channel", "dev"), environment);
 * }</pre>
 */
public final class StepRunner {
  private StepRunner() {}

  /**
   * Validates raw arguments against the step contract, runs the operation and returns the step's
   * result map of plain values.
   *
   * @param arguments what the user wrote, with the contract's parameter names
   * @throws org.tritondatacenter.origin.steps.StepArgumentException listing every problem with the
   *     arguments, before anything is done
   * @throws org.tritondatacenter.origin.TritonException when the operation fails; cleanup has run
   * @throws org.tritondatacenter.origin.OperationInterruptedException when the thread was
   *     interrupted; cleanup has run
   */
  public static Map<String, Object> run(
      Step step, Map<String, ?> arguments, StepEnvironment environment) {
    Objects.requireNonNull(step, "step == null");
    Objects.requireNonNull(environment, "environment == null");
    var validated = step.validate(arguments);
    return handler(step).run(validated, environment);
  }

  private static StepHandler handler(Step step) {
    return switch (step) {
      case TRITON_ORIGIN_BUILD -> new BuildStepHandler();
      case MANTA_EXPORT -> new ExportHandler();
      case IMGADM_PUBLISH -> new PublishHandler();
      case IMGADM_CHANNEL_ADD -> new ChannelAddHandler();
    };
  }
}
