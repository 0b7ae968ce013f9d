package org.tritondatacenter.origin.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.events.Event;

/** Plain lines for logs: thinned out, readable, and without control characters. */
class PlainProgressTest {
  private final StringWriter text = new StringWriter();
  private final PlainProgress progress = new PlainProgress(new PrintWriter(text));

  private static Event.Waiting wait(String seen, long seconds) {
    return new Event.Waiting(
        "machine",
        "1a2b3c4d-0000-4000-8000-000000000000",
        Set.of("running"),
        seen,
        Duration.ofSeconds(seconds));
  }

  @Test
  void waits_areReportedOnChangeAndEveryThirtySecondsOfOperationTime() {
    progress.on(wait(null, 0));
    progress.on(wait("provisioning", 2));
    progress.on(wait("provisioning", 20));
    progress.on(wait("provisioning", 33));
    progress.on(wait("running", 61));

    assertThat(text.toString().lines())
        .containsExactly(
            "waiting for machine 1a2b3c4d to be running (now no answer yet, 0s)",
            "waiting for machine 1a2b3c4d to be running (now provisioning, 2s)",
            "waiting for machine 1a2b3c4d to be running (now provisioning, 33s)",
            "waiting for machine 1a2b3c4d to be running (now running, 1m01s)");
  }

  @Test
  void transfers_areReportedAtEachTenthWithTheirRate() {
    long mib = 1024 * 1024;
    for (long done = 0; done <= 100 * mib; done += mib) {
      progress.on(new Event.Transfer("image.zfs.gz", done, 100 * mib));
    }

    assertThat(text.toString().lines()).hasSize(11);
    assertThat(text.toString())
        .contains("image.zfs.gz: 10.0 MiB of 100.0 MiB (10%)", "(100%)", "MiB/s");
  }

  @Test
  void phasesCleanupAndWarnings_areOneLineEach() {
    progress.on(new Event.PhaseStarted("build", "triton-origin-x86_64-24.4.1"));
    progress.on(new Event.Cleanup("delete machine", "1a2b", false, "HTTP 500"));
    progress.on(new Event.Warning("TLS verification is off"));
    progress.on(
        new Event.PhaseFinished(
            "build", "triton-origin-x86_64-24.4.1", true, Duration.ofSeconds(185)));

    assertThat(text.toString().lines())
        .containsExactly(
            "build: started triton-origin-x86_64-24.4.1",
            "cleanup: delete machine 1a2b: NOT DONE (HTTP 500)",
            "warning: TLS verification is off",
            "build: finished triton-origin-x86_64-24.4.1 after 3m05s");
  }

  @Test
  void output_hasNoControlCharacters() {
    progress.on(wait("provisioning", 1));
    progress.on(new Event.Transfer("file", 5, 10));
    progress.on(new Event.Info("done"));

    assertThat(text.toString().replace("\n", "").chars().filter(Character::isISOControl)).isEmpty();
  }
}
