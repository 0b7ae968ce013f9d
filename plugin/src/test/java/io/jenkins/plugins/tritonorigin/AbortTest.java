package io.jenkins.plugins.tritonorigin;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Executor;
import hudson.model.Result;
import java.time.Clock;
import java.time.Duration;
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

/** Aborting a build while it waits for a machine deletes the machine before the build ends. */
@WithJenkins
class AbortTest {
  @RegisterExtension static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

  /** Provisioning never finishes within the test; everything else is instant. */
  private static final SimulatedTimings SLOW_PROVISIONING =
      new SimulatedTimings(
          Duration.ofDays(1), Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);

  @Test
  void abortDuringBuildWait_deletesTheMachine_andLeavesNothing(JenkinsRule j) throws Exception {
    try (LocalTriton triton = LocalTritonFixture.start(SLOW_PROVISIONING, Clock.systemUTC())) {
      LocalTritonFixture.configure(j, triton);
      WorkflowJob p = j.createProject(WorkflowJob.class, "build");
      p.setDefinition(
          new CpsFlowDefinition(
              "tritonOriginBuild(imagesJson: '''%s''', branch: 'master', gitCommit: '0123456789abcdef')"
                  .formatted(LocalTritonFixture.groovyText(LocalTritonFixture.IMAGES_JSON)),
              true));
      WorkflowRun b = p.scheduleBuild2(0).waitForStart();
      j.waitForMessage("[tritonOriginBuild] waiting for ", b);
      assertThat(triton.cloud().undeletedMachines()).hasSize(1);

      Executor executor = b.getExecutor();
      assertThat(executor).isNotNull();
      executor.interrupt();

      j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
      j.assertLogContains("[tritonOriginBuild] cleanup: ", b);
      assertThat(triton.leakReport().isEmpty()).as(triton.leakReport().toString()).isTrue();
    }
  }
}
