package org.tritondatacenter.origin.steps;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The four pipeline steps, each with its parameter table. {@link #functionName()} is the name a
 * Jenkinsfile calls.
 */
public enum Step {
  TRITON_ORIGIN_BUILD(
      "tritonOriginBuild", "Builds the images of images.json through CloudAPI.", StepTable.BUILD),
  MANTA_EXPORT(
      "mantaExport", "Exports built images to a Manta builds directory.", StepTable.EXPORT),
  IMGADM_PUBLISH(
      "imgadmPublish", "Publishes images to an IMGAPI server and channel.", StepTable.PUBLISH),
  IMGADM_CHANNEL_ADD(
      "imgadmChannelAdd", "Adds published images to more IMGAPI channels.", StepTable.CHANNEL_ADD);

  private final String functionName;
  private final String description;
  private final List<StepParameter> parameters;

  Step(String functionName, String description, List<StepParameter> parameters) {
    this.functionName = functionName;
    this.description = description;
    this.parameters = parameters;
  }

  /** Returns the name a Jenkinsfile calls, such as {@code tritonOriginBuild}. */
  public String functionName() {
    return functionName;
  }

  /** Returns one line saying what the step does. */
  public String description() {
    return description;
  }

  /** Returns the parameters in table order. */
  public List<StepParameter> parameters() {
    return parameters;
  }

  /** Returns the parameter names in table order. */
  public List<String> parameterNames() {
    return parameters.stream().map(StepParameter::name).toList();
  }

  /** Returns the parameter called {@code name}, if the step has one. */
  public Optional<StepParameter> parameter(String name) {
    return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** Returns the step a Jenkinsfile calls {@code functionName}, if any. */
  public static Optional<Step> forFunctionName(String functionName) {
    return Arrays.stream(values()).filter(s -> s.functionName.equals(functionName)).findFirst();
  }

  /**
   * Validates and coerces raw arguments as a pipeline or the command line wrote them, applying
   * static defaults.
   *
   * @param raw parameter names to values; a null value counts as not given
   * @throws StepArgumentException listing every problem; its message starts with {@link
   *     #functionName()}
   */
  public StepArguments validate(Map<?, ?> raw) {
    return StepValidator.validate(this, raw);
  }

  @Override
  public String toString() {
    return functionName;
  }
}
