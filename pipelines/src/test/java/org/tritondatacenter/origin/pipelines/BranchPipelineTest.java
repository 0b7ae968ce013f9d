package org.tritondatacenter.origin.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tritondatacenter.origin.steps.BuildResult;
import org.tritondatacenter.origin.steps.ExportResult;
import org.tritondatacenter.origin.steps.PublishResult;

class BranchPipelineTest {
  private final PipelineHarness pipeline = new PipelineHarness();

  private static final String IMAGE = "triton-origin-x86_64-24.4.1";
  private static final String UUID = "4dd8810e-10a8-49d1-b37b-1c4e32ed6c05";
  private static final String ORIGIN = "41bd4100-eb86-409a-85b0-e649aadf6f62";
  private static final String DIR =
      "/alice/public/builds/triton-origin-image/master-20260101T000000Z";

  private void answerAll() {
    String version = "master-20260101T000000Z-gabcdef1";
    pipeline.answer(
        "tritonOriginBuild",
        args ->
            new BuildResult(
                    "to-20260101T000000-abcdef",
                    "master",
                    "20260101T000000Z",
                    "abcdef1234567890abcdef1234567890abcdef12",
                    List.of(
                        new BuildResult.Image(
                            IMAGE,
                            version,
                            UUID,
                            ORIGIN,
                            "a".repeat(64),
                            false,
                            List.of("curl-8.6.0"),
                            null)))
                .toMap());
    pipeline.answer(
        "mantaExport",
        args ->
            new ExportResult(
                    DIR,
                    "/alice/public/builds/triton-origin-image/master-latest",
                    List.of(
                        new ExportResult.Image(
                            IMAGE,
                            version,
                            UUID,
                            DIR + "/" + IMAGE + "-" + version + ".imgmanifest",
                            DIR + "/" + IMAGE + "-" + version + ".zfs.gz",
                            "0123456789abcdef0123456789abcdef")))
                .toMap());
    pipeline.answer(
        "imgadmPublish",
        args ->
            new PublishResult(
                    List.of(
                        new PublishResult.Image(
                            UUID, IMAGE, version, "dev", PublishResult.Outcome.PUBLISHED)))
                .toMap());
  }

  @ParameterizedTest
  @CsvSource({"master, dev", "feature-new-origin, experimental", "release-20260101, experimental"})
  void branch_publishesToItsChannel(String branch, String channel) throws Exception {
    pipeline.start(branch, Map.of("ONLY", "", "FORCE", false));
    answerAll();

    pipeline.runScript("Jenkinsfile");

    assertThat(pipeline.status()).isEqualTo("SUCCESS");
    assertThat(pipeline.calls("tritonOriginBuild"))
        .singleElement()
        .isEqualTo(
            Map.of(
                "images",
                "images.json",
                "channel",
                channel,
                "branch",
                branch,
                "gitCommit",
                PipelineHarness.CHECKED_OUT_COMMIT));
    assertThat(pipeline.calls("mantaExport"))
        .singleElement()
        .satisfies(
            args ->
                assertThat(BuildResult.fromMap((Map<?, ?>) args.get("build")).images())
                    .extracting(BuildResult.Image::uuid)
                    .containsExactly(UUID));
    assertThat(pipeline.calls("imgadmPublish"))
        .singleElement()
        .satisfies(
            args -> {
              assertThat(args.get("channel")).isEqualTo(channel);
              assertThat(ExportResult.fromMap((Map<?, ?>) args.get("export")).dir()).isEqualTo(DIR);
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
                "branch", "master",
                "gitCommit", PipelineHarness.CHECKED_OUT_COMMIT,
                "only", "triton-origin-x86_64-24.4.1",
                "force", true));
  }

  @Test
  void build_takesTheCommitCheckoutAnswered_notTheEnvironments() throws Exception {
    pipeline.start("master", Map.of("ONLY", "", "FORCE", false));
    // With a shared library, GIT_COMMIT in the environment can name the library's commit.
    pipeline.environment().put("GIT_COMMIT", "1111111111111111111111111111111111111111");
    answerAll();

    pipeline.runScript("Jenkinsfile");

    assertThat(pipeline.calls("checkout")).hasSize(1);
    assertThat(pipeline.calls("tritonOriginBuild"))
        .singleElement()
        .satisfies(
            args ->
                assertThat(args.get("gitCommit")).isEqualTo(PipelineHarness.CHECKED_OUT_COMMIT));
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
