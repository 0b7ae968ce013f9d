package org.tritondatacenter.origin.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventTextsTest {
  @Test
  void line_phasesCleanupAndNotes_readAsTheLogsShowThem() {
    assertThat(EventTexts.line(new Event.PhaseStarted("build", "img-1")))
        .isEqualTo("build: started img-1");
    assertThat(EventTexts.line(new Event.PhaseStarted("preflight", "")))
        .isEqualTo("preflight: started");
    assertThat(
            EventTexts.line(
                new Event.PhaseFinished("build", "img-1", false, Duration.ofSeconds(185))))
        .isEqualTo("build: FAILED img-1 after 3m05s");
    assertThat(EventTexts.line(new Event.PhaseFinished("export", null, true, null)))
        .isEqualTo("export: finished");
    assertThat(EventTexts.line(new Event.Cleanup("delete machine", "m-1", true, null)))
        .isEqualTo("cleanup: delete machine m-1: done");
    assertThat(EventTexts.line(new Event.Cleanup("delete image", "i-1", false, "HTTP 503")))
        .isEqualTo("cleanup: delete image i-1: NOT DONE (HTTP 503)");
    assertThat(EventTexts.line(new Event.Info("state saved"))).isEqualTo("state saved");
  }

  @Test
  void line_waitsTransfersAndWarnings_areLeftToEachPresentation() {
    assertThat(EventTexts.line(new Event.Warning("w"))).isNull();
    assertThat(
            EventTexts.line(
                new Event.Waiting("machine", "m", Set.of("running"), null, Duration.ZERO)))
        .isNull();
  }

  @Test
  void durationAndMib_formatCompactly() {
    assertThat(EventTexts.duration(null)).isEmpty();
    assertThat(EventTexts.duration(Duration.ofSeconds(-3))).isEqualTo("0s");
    assertThat(EventTexts.duration(Duration.ofSeconds(42))).isEqualTo("42s");
    assertThat(EventTexts.duration(Duration.ofMinutes(62))).isEqualTo("1h02m");
    assertThat(EventTexts.mib(3 * 1024 * 1024 + 512 * 1024)).isEqualTo("3.5 MiB");
  }
}
