package org.tritondatacenter.origin.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class StepTableTest {

  @Test
  void functionName_eachStep_isThePipelineName() {
    assertThat(Arrays.stream(Step.values()).map(Step::functionName))
        .containsExactly("tritonOriginBuild", "mantaExport", "imgadmPublish", "imgadmChannelAdd");
    assertThat(Step.forFunctionName("imgadmPublish")).contains(Step.IMGADM_PUBLISH);
    assertThat(Step.forFunctionName("imgadmpublish")).isEmpty();
  }

  static Stream<Arguments> names() {
    return Stream.of(
        Arguments.of(
            Step.TRITON_ORIGIN_BUILD,
            List.of(
                "images",
                "imagesJson",
                "only",
                "force",
                "allowKnownBrokenOrigin",
                "version",
                "branch",
                "timestamp",
                "gitCommit",
                "cloudapi",
                "imgapi",
                "channel",
                "concurrency",
                "keepOnFailure",
                "timeoutMinutes")),
        Arguments.of(
            Step.MANTA_EXPORT,
            List.of("build", "manta", "cloudapi", "project", "path", "deleteImages")),
        Arguments.of(
            Step.IMGADM_PUBLISH,
            List.of(
                "export",
                "from",
                "manifest",
                "file",
                "sourceImgapi",
                "uuids",
                "imgapi",
                "channel",
                "fileSource",
                "makePublic")),
        Arguments.of(
            Step.IMGADM_CHANNEL_ADD,
            List.of(
                "imgapi",
                "fromChannel",
                "channels",
                "uuids",
                "name",
                "version",
                "latest",
                "dryRun")));
  }

  @ParameterizedTest
  @MethodSource("names")
  void parameterNames_eachStep_matchTheContract(Step step, List<String> expected) {
    assertThat(step.parameterNames()).containsExactlyElementsOf(expected);
  }

  @Test
  void defaultValue_staticDefaults_matchTheContract() {
    assertThat(defaults(Step.TRITON_ORIGIN_BUILD))
        .containsExactly(
            Map.entry("images", "images.json"),
            Map.entry("force", false),
            Map.entry("allowKnownBrokenOrigin", false),
            Map.entry("keepOnFailure", false),
            Map.entry("timeoutMinutes", 60));
    assertThat(defaults(Step.MANTA_EXPORT))
        .containsExactly(
            Map.entry("project", "triton-origin-image"), Map.entry("deleteImages", true));
    assertThat(defaults(Step.IMGADM_PUBLISH))
        .containsExactly(Map.entry("fileSource", "auto"), Map.entry("makePublic", false));
    assertThat(defaults(Step.IMGADM_CHANNEL_ADD))
        .containsExactly(
            Map.entry("fromChannel", "dev"), Map.entry("latest", true), Map.entry("dryRun", false));
  }

  private static List<Map.Entry<String, Object>> defaults(Step step) {
    return step.parameters().stream()
        .filter(p -> p.defaultValue() != null)
        .map(p -> Map.entry(p.name(), p.defaultValue()))
        .toList();
  }

  @ParameterizedTest
  @EnumSource(Step.class)
  void parameters_eachEntry_isCompleteForHelpTexts(Step step) {
    for (StepParameter p : step.parameters()) {
      assertThat(p.description()).as(p.name()).isNotBlank().endsWith(".").hasSizeLessThan(72);
      assertThat(p.defaultText()).as(p.name()).isNotBlank();
      assertThat(p.required() && p.defaultValue() != null).as(p.name()).isFalse();
      assertThat(p.type() == ParamType.CHOICE).as(p.name()).isEqualTo(!p.choices().isEmpty());
      assertThat(p.type() == ParamType.INTEGER).as(p.name()).isEqualTo(p.min() != null);
      for (String other : p.alternativeTo()) {
        assertThat(step.parameter(other)).as(p.name() + " alternative").isPresent();
      }
      if (p.defaultValue() != null) {
        Object expectedType =
            switch (p.type().kind()) {
              case TEXT -> String.class;
              case BOOLEAN -> Boolean.class;
              case INTEGER -> Integer.class;
              default -> Void.class;
            };
        assertThat(p.defaultValue()).as(p.name()).isInstanceOf((Class<?>) expectedType);
        assertThat(Coercion.coerce(p, p.defaultValue()).problem()).as(p.name()).isNull();
      }
    }
  }

  @Test
  void helpLine_choiceWithDefault_listsChoicesAndDefault() {
    StepParameter fileSource = Step.IMGADM_PUBLISH.parameter("fileSource").orElseThrow();
    StepParameter channels = Step.IMGADM_CHANNEL_ADD.parameter("channels").orElseThrow();
    StepParameter concurrency = Step.TRITON_ORIGIN_BUILD.parameter("concurrency").orElseThrow();

    assertThat(fileSource.helpLine())
        .isEqualTo(
            "fileSource (choice: auto, stream, url, default: auto): How the file reaches IMGAPI:"
                + " streamed or by URL.");
    assertThat(channels.helpLine())
        .isEqualTo("channels (list of channel names, required): Channels to add the images to.");
    assertThat(concurrency.helpLine())
        .isEqualTo(
            "concurrency (integer, 1..16, default: the number of images, at most 4): Images built"
                + " at the same time.");
  }
}
