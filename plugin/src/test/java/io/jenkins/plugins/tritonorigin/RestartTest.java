package io.jenkins.plugins.tritonorigin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.SimulatedTimings;

/**
 * A controller restart while {@code tritonOriginBuild} waits for its machine: after the restart the
 * step resumes from its saved run record and finishes with the same machine.
 */
class RestartTest {
  @RegisterExtension static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

  @RegisterExtension final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

  /** The local Triton's clock; it stands still until the test moves it. */
  private static final SteppedClock CLOCK = new SteppedClock();

  /** Provisioning takes an hour of the local Triton's clock; everything else is instant. */
  private static final SimulatedTimings HOUR_LONG_PROVISIONING =
      new SimulatedTimings(
          Duration.ofHours(1), Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);

  private static LocalTriton triton;

  @BeforeAll
  static void startTriton() {
    triton = LocalTritonFixture.start(HOUR_LONG_PROVISIONING, CLOCK);
  }

  @AfterAll
  static void stopTriton() {
    triton.close();
  }

  @Test
  void restartDuringBuildWait_resumesFromTheRecord_withoutASecondMachine() throws Throwable {
    sessions.then(
        j -> {
          LocalTritonFixture.configure(j, triton);
          WorkflowJob p = j.createProject(WorkflowJob.class, "build");
          p.setDefinition(
              new CpsFlowDefinition(
                  "tritonOriginBuild(imagesJson: '''%s''', branch: 'master', gitCommit: '0123456789abcdef')"
                      .formatted(LocalTritonFixture.groovyText(LocalTritonFixture.IMAGES_JSON)),
                  true));
          WorkflowRun b = p.scheduleBuild2(0).waitForStart();
          j.waitForMessage("[tritonOriginBuild] waiting for ", b);
          assertThat(triton.requests().count("CreateMachine")).isEqualTo(1);
        });

    // While Jenkins is down, the machine finishes provisioning.
    CLOCK.advance(Duration.ofHours(2));

    sessions.then(
        j -> {
          WorkflowJob p = j.jenkins.getItemByFullName("build", WorkflowJob.class);
          WorkflowRun b = p.getLastBuild();
          j.assertBuildStatusSuccess(j.waitForCompletion(b));
          j.assertLogContains("[tritonOriginBuild] resuming after a Jenkins restart", b);
          assertThat(triton.requests().count("CreateMachine")).isEqualTo(1);
          assertThat(triton.requests().count("CreateImageFromMachine")).isEqualTo(1);
          assertThat(triton.leakReport().isEmpty()).as(triton.leakReport().toString()).isTrue();
        });
  }

  /** A clock that moves only when told to. */
  private static final class SteppedClock extends Clock {
    private volatile Instant now = Instant.now();

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
