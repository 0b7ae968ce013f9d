package org.tritondatacenter.origin.bench;

import java.util.Locale;

/**
 * The CPU a transfer costs, client and local Triton together, and the rate that cost allows on this
 * machine's cores. Client and server share the cores, so when the two together need a core's worth
 * of CPU per N MB/s, no client change beyond cutting CPU can go faster than that.
 */
final class CpuBudget {
  private final Samples client = new Samples("s/GiB");
  private final Samples server = new Samples("s/GiB");

  /** Adds one run: its bytes, the client's CPU seconds during the transfer and the server's. */
  void add(ProcessResult run) {
    double gib = run.number("bytes") / BenchOptions.GIB;
    client.add(run.number("cpuSeconds") / gib);
    server.add(run.number("serverCpuSeconds") / gib);
  }

  boolean isEmpty() {
    return client.isEmpty();
  }

  /** Returns the highest rate in MB/s the median CPU cost allows with {@code cores} cores. */
  double ceilingMbps(int cores) {
    double secondsPerGib = client.median() + server.median();
    return cores * (BenchOptions.GIB / 1e6) / secondsPerGib;
  }

  /** Describes the cost, such as {@code client 3.10 + local Triton 1.20 CPU s per GiB}. */
  String describe(int cores) {
    return String.format(
        Locale.ROOT,
        "client %s + local Triton %s CPU s per GiB, which %d cores cap at %s MB/s",
        Samples.format(client.median()),
        Samples.format(server.median()),
        cores,
        Samples.format(ceilingMbps(cores)));
  }
}
