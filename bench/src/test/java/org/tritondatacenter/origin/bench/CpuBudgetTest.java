package org.tritondatacenter.origin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuBudgetTest {
  private static ProcessResult run(long bytes, double clientCpu, double serverCpu) {
    return new ProcessResult(
        0,
        List.of(),
        Map.of(
            "bytes", Long.toString(bytes),
            "cpuSeconds", Double.toString(clientCpu),
            "serverCpuSeconds", Double.toString(serverCpu)),
        1.0,
        -1,
        Double.NaN);
  }

  @Test
  void ceilingMbps_threeCpuSecondsPerGib_capsTwoCoresNear716MBps() {
    CpuBudget budget = new CpuBudget();
    budget.add(run(2 * BenchOptions.GIB, 4.0, 2.0));

    // 2 cores x 1073.7 MB per GiB / 3 CPU seconds per GiB.
    assertThat(budget.ceilingMbps(2)).isCloseTo(715.8, within(0.1));
    assertThat(budget.describe(2))
        .isEqualTo("client 2.00 + local Triton 1.00 CPU s per GiB, which 2 cores cap at 716 MB/s");
  }

  @Test
  void add_severalRuns_usesTheMedianCost() {
    CpuBudget budget = new CpuBudget();
    budget.add(run(BenchOptions.GIB, 1.0, 1.0));
    budget.add(run(BenchOptions.GIB, 9.0, 1.0));
    budget.add(run(BenchOptions.GIB, 2.0, 1.0));

    assertThat(budget.describe(1)).startsWith("client 2.00 + local Triton 1.00");
  }
}
