package org.tritondatacenter.origin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimeReportTest {
  /**
   * The lines GNU time 1.9 writes for {@code -v}, trimmed to the ones of interest and a few more.
   */
  private static final List<String> REPORT =
      List.of(
          "\tCommand being timed: \"curl -T data.bin http://127.0.0.1:40000/x\"",
          "\tUser time (seconds): 0.21",
          "\tPercent of CPU this job got: 35%",
          "\tElapsed (wall clock) time (h:mm:ss or m:ss): 0:03.47",
          "\tMaximum resident set size (kbytes): 11264",
          "\tExit status: 0");

  @Test
  void peakRssKib_report_readsTheMaximumResidentSetSize() {
    assertThat(TimeReport.peakRssKib(REPORT)).isEqualTo(11264);
  }

  @Test
  void elapsedSeconds_minutesAndSeconds_convertsToSeconds() {
    assertThat(TimeReport.elapsedSeconds(REPORT)).isEqualTo(3.47);
    assertThat(TimeReport.parseClock("1:02:03")).isEqualTo(3723.0);
  }

  @Test
  void report_withoutTheLines_givesMarkersForNotMeasured() {
    List<String> none = List.of("curl: (7) Failed to connect");

    assertThat(TimeReport.peakRssKib(none)).isEqualTo(-1);
    assertThat(TimeReport.elapsedSeconds(none)).isNaN();
  }
}
