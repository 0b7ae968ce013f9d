package org.tritondatacenter.origin.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BranchPipelineTest {
  private final PipelineHarness pipeline = new PipelineHarness();

  private void answerAll() {
    pipeline.answer(
        "tritonOriginBuild",
        args ->
            Map.of(
                "buildId", "b-1",
                "branch", "x",
                "timestamp", "20260101T000000Z",
                "gitCommit", "abcdef1",
                "images", List.of()));
    pipeline.answer(
        "mantaExport", args -> Map.of("dir", "/alice/public/builds/x", "images", List.of()));
    pipeline.answer("imgadmPublish", args -> Map.of("images", List.of()));
  }

  @ParameterizedTest
  @CsvSource({"master, dev", "feature/new-origin, experimental", "release-20260101, experimental"})
  void branch_publishesToItsChannel(String branch, String channel) throws Exception {
    pipeline.start(branch, Map.of("ONLY", "", "FORCE", false));
    answerAll();

    pipeline.runScript("Jenkinsfile");

    assertThat(pipeline.status()).isEqualTo("SUCCESS");
    assertThat(pipeline.calls("tritonOriginBuild"))
        .singleElement()
        .isEqualTo(Map.of("images", "images.json", "channel", channel));
    assertThat(pipeline.calls("mantaExport"))
        .singleElement()
        .satisfies(
            args ->
                assertThat(args.get("build"))
                    .isInstanceOf(Map.class)
                    .extracting(m -> ((Map<?, ?>) m).get("buildId"))
                    .isEqualTo("b-1"));
    assertThat(pipeline.calls("imgadmPublish"))
        .singleElement()
        .satisfies(
            args -> {
              assertThat(args.get("channel")).isEqualTo(channel);
              assertThat(args.get("export")).isInstanceOf(Map.class);
            });
    assertThat(pipeline.callNames())
        .containsSubsequence("tritonOriginBuild", "mantaExport", "imgadmPublish");
  }

  @Test
  void parameters_chooseASubsetAndForceARebuild() throws Exception {
    pipeline.start("master", Map.of("ONLY", "triton-origin-x86_64-24.4.1", "FORCE", true));
    answerAll();

    pipeline.runScript("Jenkinsfile");

    assertThat(pipeline.calls("tritonOriginBuild"))
        .singleElement()
        .isEqualTo(
            Map.of(
                "images", "images.json",
                "channel", "dev",
                "only", "triton-origin-x86_64-24.4.1",
                "force", true));
  }

  @Test
  void failingBuild_failsTheRunAndCallsNoLaterStep() throws Exception {
    pipeline.start("master", Map.of("ONLY", "", "FORCE", false));
    answerAll();
    pipeline.fail("tritonOriginBuild", new IllegalStateException("build of img failed"));

    assertThatThrownBy(() -> pipeline.runScript("Jenkinsfile"))
        .hasMessageContaining("build of img failed");

    assertThat(pipeline.calls("mantaExport")).isEmpty();
    assertThat(pipeline.calls("imgadmPublish")).isEmpty();
  }
}
