package io.jenkins.plugins.tritonorigin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.beans.Introspector;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kohsuke.stapler.ClassDescriptor;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.tritondatacenter.origin.steps.Step;
import org.tritondatacenter.origin.steps.StepArgumentException;
import org.tritondatacenter.origin.steps.StepParameter;

/**
 * Each step's fields are exactly core's parameter table, and each parameter has its help file, so a
 * parameter added to or renamed in core cannot silently go missing from the plugin. Values reach
 * core as written, for its validation to accept or name.
 */
class StepContractTest {

  static Stream<Arguments> steps() {
    return Stream.of(
        Arguments.of(Step.TRITON_ORIGIN_BUILD, TritonOriginBuildStep.class),
        Arguments.of(Step.MANTA_EXPORT, MantaExportStep.class),
        Arguments.of(Step.IMGADM_PUBLISH, ImgadmPublishStep.class),
        Arguments.of(Step.IMGADM_CHANNEL_ADD, ImgadmChannelAddStep.class));
  }

  @ParameterizedTest
  @MethodSource("steps")
  void stepFields_matchTheContract_oneToOne(Step contract, Class<?> step) {
    assertThat(dataBoundProperties(step)).isEqualTo(new TreeSet<>(contract.parameterNames()));
  }

  @ParameterizedTest
  @MethodSource("steps")
  void everyParameter_hasAHelpFile(Step contract, Class<?> step) {
    assertThat(step.getResource(step.getSimpleName() + "/help.html")).isNotNull();
    for (StepParameter parameter : contract.parameters()) {
      assertThat(step.getResource(step.getSimpleName() + "/help-" + parameter.name() + ".html"))
          .as("help file of %s.%s", contract.functionName(), parameter.name())
          .isNotNull();
    }
  }

  @ParameterizedTest
  @MethodSource("steps")
  void requiredParameters_areConstructorArguments(Step contract, Class<?> step) {
    Set<String> required = new TreeSet<>();
    for (StepParameter parameter : contract.parameters()) {
      if (parameter.required()) {
        required.add(parameter.name());
      }
    }
    assertThat(constructorArguments(step)).isEqualTo(required);
  }

  @Test
  void flagsAndNumbersAsText_reachCoresValidation() {
    TritonOriginBuildStep step = new TritonOriginBuildStep();
    step.setImagesJson("[]");
    step.setForce("true");
    step.setKeepOnFailure("yes");
    step.setConcurrency("2");
    step.setTimeoutMinutes("ninety");

    // 'true' and '2' are core's accepted text forms; the others fail naming the parameter.
    assertThatThrownBy(() -> Step.TRITON_ORIGIN_BUILD.validate(step.arguments()))
        .isInstanceOfSatisfying(
            StepArgumentException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "'keepOnFailure': expects true or false, got the string 'yes'",
                        "'timeoutMinutes': expects a whole number, got the string 'ninety'"));
  }

  @Test
  void flagsNotGiven_showTheContractsDefaults_andStayOutOfTheArguments() {
    MantaExportStep export = new MantaExportStep(null);
    ImgadmChannelAddStep channelAdd = new ImgadmChannelAddStep("staging");

    assertThat(export.getDeleteImages()).isEqualTo(true);
    assertThat(channelAdd.getLatest()).isEqualTo(true);
    assertThat(channelAdd.getDryRun()).isEqualTo(false);
    assertThat(export.arguments()).doesNotContainKey("deleteImages");
    assertThat(channelAdd.arguments()).doesNotContainKeys("latest", "dryRun");
  }

  private static Set<String> dataBoundProperties(Class<?> step) {
    Set<String> names = constructorArguments(step);
    for (Method method : step.getMethods()) {
      if (method.isAnnotationPresent(DataBoundSetter.class)) {
        names.add(Introspector.decapitalize(method.getName().substring("set".length())));
      }
    }
    return names;
  }

  private static Set<String> constructorArguments(Class<?> step) {
    Constructor<?> constructor =
        Arrays.stream(step.getConstructors())
            .filter(c -> c.isAnnotationPresent(DataBoundConstructor.class))
            .findFirst()
            .orElseThrow();
    return new TreeSet<>(Arrays.asList(ClassDescriptor.loadParameterNames(constructor)));
  }
}
