package io.jenkins.plugins.tritonorigin;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Label;
import hudson.model.Result;
import java.time.Clock;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.SimulatedTimings;

/** The four steps in real Pipelines against a local Triton. */
@WithJenkins
class PipelineStepsTest {
  @RegisterExtension static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

  @Test
  void allFourSteps_onAnAgent_buildExportPublishAndPromote(JenkinsRule j) throws Exception {
    try (LocalTriton triton =
        LocalTritonFixture.start(SimulatedTimings.INSTANT, Clock.systemUTC())) {
      LocalTritonFixture.configure(j, triton);
      j.createOnlineSlave(Label.get("remote"));
      WorkflowJob p = j.createProject(WorkflowJob.class, "release");
      p.setDefinition(
          new CpsFlowDefinition(
              """
              node('remote') {
                writeFile file: 'images.json', text: '''%s'''
                def built = tritonOriginBuild(branch: 'master', gitCommit: '0123456789abcdef')
                def exported = mantaExport(build: built)
                def published = imgadmPublish(export: exported, channel: 'dev')
                def uuids = []
                for (def image in published.images) {
                  uuids.add(image.uuid)
                }
                def promoted = imgadmChannelAdd(uuids: uuids, channels: 'staging,release')
                echo "promoted: ${promoted.changes.size()} channel additions"
              }
              """
                  .formatted(LocalTritonFixture.groovyText(LocalTritonFixture.IMAGES_JSON)),
              true));

      WorkflowRun b = j.buildAndAssertSuccess(p);

      j.assertLogContains("[tritonOriginBuild] read images.json from the workspace", b);
      j.assertLogContains("[imgadmPublish] running on agent", b);
      j.assertLogContains("promoted: 2 channel additions", b);
      j.assertLogNotContains(LocalTritonFixture.keyMaterial(triton), b);
      List<String> summary =
          b.getAction(TritonOriginAction.class).getLines().stream()
              .map(TritonOriginAction.Line::getText)
              .toList();
      assertThat(summary)
          .anyMatch(line -> line.startsWith("Built triton-origin-test"))
          .anyMatch(line -> line.startsWith("Exported 1 image(s) to Manta"))
          .anyMatch(
              line -> line.startsWith("Published triton-origin-test") && line.endsWith(" dev"))
          .anyMatch(
              line -> line.startsWith("Added triton-origin-test") && line.endsWith(" release"));
      String imgapi = triton.imgapiUrl("updates").toString().replaceAll("/+$", "");
      assertThat(b.getAction(TritonOriginAction.class).getLines())
          .anyMatch(line -> line.getUrl() != null && line.getUrl().startsWith(imgapi + "/images/"));
      assertThat(triton.leakReport().isEmpty()).as(triton.leakReport().toString()).isTrue();
    }
  }

  @Test
  void missingCredentials_failWithTheirIdAndNoStackTrace(JenkinsRule j) throws Exception {
    TritonOriginConfiguration.get()
        .setCloudapi(
            List.of(new CloudApiEndpoint("dc", "https://cloudapi.invalid", "no-such-credentials")));

    WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, buildJob(j));

    j.assertLogContains(
        "the CloudAPI endpoint 'dc' uses credentials 'no-such-credentials', which do not exist", b);
    j.assertLogNotContains("\tat ", b);
  }

  @Test
  void credentialsOfTheWrongType_failNamingTheTypeNeeded(JenkinsRule j) throws Exception {
    CredentialsProvider.lookupStores(j.jenkins)
        .iterator()
        .next()
        .addCredentials(
            Domain.global(),
            new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, "a-password", "not a key", "builder", "s3cr3t-pa55"));
    TritonOriginConfiguration.get()
        .setCloudapi(List.of(new CloudApiEndpoint("dc", "https://cloudapi.invalid", "a-password")));

    WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, buildJob(j));

    j.assertLogContains("uses credentials 'a-password', which are", b);
    j.assertLogContains("they must be 'SSH Username with private key' credentials", b);
    j.assertLogNotContains("s3cr3t-pa55", b);
  }

  @Test
  void badImagesFileAtACustomPath_isReportedUnderThatPath(JenkinsRule j) throws Exception {
    WorkflowJob p = j.createProject(WorkflowJob.class);
    p.setDefinition(
        new CpsFlowDefinition(
            """
            node {
              writeFile file: 'ci/origins.json', text: '[{"namePrefix": 1}]'
              tritonOriginBuild(images: 'ci/origins.json', branch: 'master',
                                gitCommit: '0123456789abcdef')
            }
            """,
            true));

    WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);

    j.assertLogContains("ci/origins.json is not a valid images file", b);
    j.assertLogContains("ci/origins.json:1:", b);
    j.assertLogNotContains("images.json", b);
    j.assertLogNotContains("\tat ", b);
  }

  @Test
  void flagAndNumberGivenAsBadText_failWithCoresMessages(JenkinsRule j) throws Exception {
    WorkflowJob p = j.createProject(WorkflowJob.class);
    p.setDefinition(
        new CpsFlowDefinition(
            ("tritonOriginBuild(imagesJson: '''%s''', force: 'yes', timeoutMinutes: 'ninety',"
                    + " branch: 'master', gitCommit: '0123456789abcdef')")
                .formatted(LocalTritonFixture.groovyText(LocalTritonFixture.IMAGES_JSON)),
            true));

    WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);

    j.assertLogContains("'force': expects true or false, got the string 'yes'", b);
    j.assertLogContains("'timeoutMinutes': expects a whole number, got the string 'ninety'", b);
    j.assertLogNotContains("ClassCastException", b);
    j.assertLogNotContains("\tat ", b);
  }

  private static WorkflowJob buildJob(JenkinsRule j) throws Exception {
    WorkflowJob p = j.createProject(WorkflowJob.class);
    p.setDefinition(
        new CpsFlowDefinition(
            "tritonOriginBuild(imagesJson: '''%s''', branch: 'master', gitCommit: '0123456789abcdef')"
                .formatted(LocalTritonFixture.groovyText(LocalTritonFixture.IMAGES_JSON)),
            true));
    return p;
  }
}
