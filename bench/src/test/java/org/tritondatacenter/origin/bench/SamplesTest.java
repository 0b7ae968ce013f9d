package org.tritondatacenter.origin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SamplesTest {
  @Test
  void describe_oddCount_givesTheMiddleValueAndTheRange() {
    Samples samples = new Samples("MB/s");
    samples.add(410.4);
    samples.add(1250);
    samples.add(380);

    assertThat(samples.median()).isEqualTo(410.4);
    assertThat(samples.describe()).isEqualTo("410 (380–1250) MB/s");
  }

  @Test
  void median_evenCount_averagesTheTwoMiddleValues() {
    Samples samples = new Samples("s");
    for (double v : new double[] {4, 1, 3, 2}) {
      samples.add(v);
    }

    assertThat(samples.median()).isEqualTo(2.5);
    assertThat(samples.describe()).isEqualTo("2.50 (1.00–4.00) s");
  }

  @Test
  void describe_oneSample_printsNoRange() {
    Samples samples = new Samples("MiB");
    samples.add(12.34);

    assertThat(samples.describe()).isEqualTo("12.3 MiB");
  }

  @Test
  void add_notANumber_isRefusedNamingTheUnit() {
    Samples samples = new Samples("MB/s");

    assertThatThrownBy(() -> samples.add(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MB/s");
  }

  @Test
  void median_noSamples_failsClearly() {
    assertThatThrownBy(() -> new Samples("MB/s").median())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no samples in MB/s yet");
  }
}
