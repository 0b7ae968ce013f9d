package org.tritondatacenter.origin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {
  @Test
  void parse_noArguments_runsEveryRowThreeTimesOnTwoGib() {
    BenchOptions options = BenchOptions.parse(new String[0]);

    assertThat(options.runs()).isEqualTo(3);
    assertThat(options.transferBytes()).isEqualTo(2 * BenchOptions.GIB);
    assertThat(options.bigBytes()).isEqualTo(4 * BenchOptions.GIB);
    assertThat(options.runs("B1")).isTrue();
    assertThat(options.runs("B8")).isTrue();
  }

  @Test
  void parse_only_selectsThoseRowsWhateverTheCase() {
    BenchOptions options = BenchOptions.parse(new String[] {"--only", "b1, B6"});

    assertThat(options.runs("B1")).isTrue();
    assertThat(options.runs("B6")).isTrue();
    assertThat(options.runs("B4")).isFalse();
  }

  @Test
  void parse_unknownRowOrOption_isRefusedNamingIt() {
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--only", "B9"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'B9'");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--fast"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'--fast'");
  }

  @Test
  void parse_runsBelowOne_isRefused() {
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--runs", "0"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--runs 0");
  }
}
