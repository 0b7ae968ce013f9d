package org.tritondatacenter.origin.gc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeftoverTest {
  @Test
  void buildTime_readsTheTimeOfABuildId() {
    assertThat(LeftoverFinder.buildTime("to-20250116T175211-abcdef"))
        .isEqualTo(Instant.parse("2025-01-16T17:52:11Z"));
    assertThat(LeftoverFinder.buildTime("to-20251316T175211-abcdef")).isNull();
    assertThat(LeftoverFinder.buildTime("something else")).isNull();
    assertThat(LeftoverFinder.buildTime(null)).isNull();
  }

  @Test
  void report_removable_isFoundMinusKept() {
    Leftover a = new Leftover(Leftover.Kind.MACHINE, "a", null, null, null, "running", null);
    Leftover b = new Leftover(Leftover.Kind.MACHINE, "b", null, null, null, "running", null);
    GcReport report =
        new GcReport(
            false, List.of(a, b), List.of(), List.of(new GcReport.Kept(a, "young")), List.of());

    assertThat(report.removable()).containsExactly(b);
    assertThat(report.toMap())
        .containsEntry("delete", false)
        .extractingByKey("kept")
        .asList()
        .singleElement()
        .isEqualTo(Map.of("kind", "machine", "id", "a", "state", "running", "reason", "young"));
  }
}
