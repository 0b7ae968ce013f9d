package org.tritondatacenter.origin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RowTest {
  @Test
  void atLeast_belowTarget_saysByHowMuchOfTheTarget() {
    assertThat(Row.atLeast(0.9, 0.85)).isEqualTo("met");
    assertThat(Row.atLeast(0.68, 0.85)).isEqualTo("missed by 20 %");
  }

  @Test
  void atMost_aboveTarget_saysByHowMuchOfTheTarget() {
    assertThat(Row.atMost(30, 40)).isEqualTo("met");
    assertThat(Row.atMost(1.32, 1.1)).isEqualTo("missed by 20 %");
  }

  @Test
  void times_ratio_isANumberFollowedByTheTimesSign() {
    assertThat(Row.times(0.8567)).isEqualTo("0.86×");
    assertThat(Row.times(20.4)).isEqualTo("20×");
    assertThat(Row.times(Double.NaN)).isEqualTo("–");
  }

  @Test
  void render_rowWithAPipe_staysOnOneTableLine() {
    Row row =
        new Row(
            "B3",
            "publish 300 MB/s",
            "curl GET | curl PUT 900 MB/s",
            0.5,
            "≥ 0.6×",
            "missed by 17 %",
            "1.20",
            List.of("bound by CPU"));

    String table =
        ResultsTable.render("bench/run.sh", "2026-01-01 00:00 UTC", "0 0 0", List.of(row));

    assertThat(table)
        .contains(
            "| B3 | publish 300 MB/s | curl GET \\| curl PUT 900 MB/s | 0.50× | ≥ 0.6× |"
                + " missed by 17 % | 1.20 |")
        .contains("- B3: bound by CPU")
        .contains("cores");
  }
}
