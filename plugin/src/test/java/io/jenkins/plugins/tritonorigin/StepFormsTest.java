package io.jenkins.plugins.tritonorigin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Each step survives the Snippet Generator's form and its Groovy rendering. The maps {@code build}
 * and {@code export} exist only in Pipeline code, so only the Groovy round trip carries them. The
 * form round trips bind every checkbox and number field through the descriptors' own binding.
 */
@WithJenkins
class StepFormsTest {

  @Test
  void tritonOriginBuild_roundTrips(JenkinsRule j) throws Exception {
    TritonOriginBuildStep step = new TritonOriginBuildStep();
    step.setImages("images/origins.json");
    step.setOnly("triton-origin-x86_64-24.4.1,triton-origin-x86_64-23.4.0");
    step.setForce(true);
    step.setCloudapi("us-east-1");
    step.setImgapi("updates");
    step.setChannel("dev");
    step.setVersion("master-20250116T175211Z-g0123456");
    step.setBranch("master");
    step.setTimestamp("20250116T175211Z");
    step.setGitCommit("0123456789abcdef");
    step.setConcurrency(2);
    step.setTimeoutMinutes(90);
    step.setKeepOnFailure(true);

    roundTrip(j, step);
    new SnippetizerTester(j)
        .assertRoundTrip(
            onlyThese(new TritonOriginBuildStep(), "images.json", "dev"),
            "tritonOriginBuild channel: 'dev', images: 'images.json'");
  }

  @Test
  void mantaExport_roundTrips(JenkinsRule j) throws Exception {
    MantaExportStep formStep = new MantaExportStep(null);
    formStep.setManta("us-central");
    formStep.setCloudapi("us-east-1");
    formStep.setProject("triton-origin-image");
    formStep.setDeleteImages(false);
    roundTrip(j, formStep);

    MantaExportStep codeStep = new MantaExportStep(Map.of("buildId", "b-1"));
    codeStep.setPath("/builder/stor/builds/x");
    new SnippetizerTester(j)
        .assertRoundTrip(
            codeStep, "mantaExport build: [buildId: 'b-1'], path: '/builder/stor/builds/x'");
  }

  @Test
  void imgadmPublish_roundTrips(JenkinsRule j) throws Exception {
    ImgadmPublishStep formStep = new ImgadmPublishStep();
    formStep.setSourceImgapi("updates");
    formStep.setUuids("41bd4100-eb86-409a-85b0-e649aadf6f62");
    formStep.setImgapi("images");
    formStep.setChannel("release");
    formStep.setFileSource("stream");
    formStep.setMakePublic(true);
    roundTrip(j, formStep);

    ImgadmPublishStep codeStep = new ImgadmPublishStep();
    codeStep.setExport(Map.of("dir", "/builder/public/builds/x"));
    codeStep.setChannel("dev");
    new SnippetizerTester(j)
        .assertRoundTrip(
            codeStep, "imgadmPublish channel: 'dev', export: [dir: '/builder/public/builds/x']");
  }

  @Test
  void imgadmChannelAdd_roundTrips(JenkinsRule j) throws Exception {
    ImgadmChannelAddStep step = new ImgadmChannelAddStep("staging,release,support");
    step.setImgapi("updates");
    step.setFromChannel("dev");
    step.setName("triton-origin-");
    step.setVersion("master-20250116T175211Z-g0123456");
    step.setLatest(false);
    step.setDryRun(true);
    roundTrip(j, step);

    ImgadmChannelAddStep listStep = new ImgadmChannelAddStep(List.of("staging", "release"));
    listStep.setUuids(List.of("41bd4100-eb86-409a-85b0-e649aadf6f62"));
    new SnippetizerTester(j)
        .assertRoundTrip(
            listStep,
            "imgadmChannelAdd channels: ['staging', 'release'],"
                + " uuids: ['41bd4100-eb86-409a-85b0-e649aadf6f62']");
  }

  @Test
  void flagsAndNumbersAsText_reachTheStepAsWritten(JenkinsRule j) throws Exception {
    TritonOriginBuildStep step = new TritonOriginBuildStep();
    step.setForce("yes");
    step.setTimeoutMinutes("ninety");

    // The Groovy round trip instantiates the step through structs, which would have turned 'yes'
    // into false for a boolean property and failed on 'ninety' for an Integer one.
    new SnippetizerTester(j)
        .assertRoundTrip(step, "tritonOriginBuild force: 'yes', timeoutMinutes: 'ninety'");
    assertThat(step.arguments())
        .containsEntry("force", "yes")
        .containsEntry("timeoutMinutes", "ninety");
  }

  @Test
  void flagsGivenAsTheirDefaults_areLeftOutOfSnippetAndArguments(JenkinsRule j) throws Exception {
    ImgadmChannelAddStep step = new ImgadmChannelAddStep(List.of("staging", "release"));
    step.setUuids(List.of("41bd4100-eb86-409a-85b0-e649aadf6f62"));
    step.setLatest(true);
    step.setDryRun(false);

    new SnippetizerTester(j)
        .assertRoundTrip(
            step,
            "imgadmChannelAdd channels: ['staging', 'release'],"
                + " uuids: ['41bd4100-eb86-409a-85b0-e649aadf6f62']");
    assertThat(step.arguments()).doesNotContainKeys("latest", "dryRun");
    assertThat(step.getLatest()).isEqualTo(true);
  }

  private static void roundTrip(JenkinsRule j, Step step) throws Exception {
    j.assertEqualDataBoundBeans(step, new StepConfigTester(j).configRoundTrip(step));
  }

  private static TritonOriginBuildStep onlyThese(
      TritonOriginBuildStep step, String images, String channel) {
    step.setImages(images);
    step.setChannel(channel);
    return step;
  }
}
