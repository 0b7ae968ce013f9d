package org.tritondatacenter.origin.bench;

import java.util.List;

/**
 * B5: memory while moving a large image under {@code -Xmx64m}, against the same move of a small
 * one. The move is the streaming publish (Manta download into IMGAPI upload), the path that holds
 * the most in flight; peak RSS comes from {@code time -v} and heap in use from the child's own
 * sampler ({@link HeapSampler}).
 */
final class MemoryBench {
  private static final List<String> SMALL_HEAP = List.of("-Xmx64m");

  private final BenchEnvironment env;

  MemoryBench(BenchEnvironment env) {
    this.env = env;
  }

  Row run() {
    Samples load = new Samples("");
    BenchOptions options = env.options();
    String big = "/" + env.triton().account() + "/stor/bench/b5-big";
    String small = "/" + env.triton().account() + "/stor/bench/b5-small";
    DataFile bigObject = env.synthetic(big, options.bigBytes(), 5);
    DataFile smallObject = env.synthetic(small, options.smallBytes(), 6);
    Samples bigRss = new Samples("MiB");
    Samples smallRss = new Samples("MiB");
    Samples bigHeap = new Samples("MiB");
    Samples bigHeapSampled = new Samples("MiB");
    Samples smallHeap = new Samples("MiB");
    Samples bigRate = new Samples("MB/s");
    for (int i = 0; i < options.runs(); i++) {
      load.add(Facts.load1Value());
      ProcessResult b = publish(bigObject, big);
      bigRss.add(b.peakRssMib());
      bigHeap.add(b.number("heapAfterGcPeakMiB"));
      bigHeapSampled.add(b.number("heapPeakMiB"));
      bigRate.add(b.number("mbps"));
      ProcessResult s = publish(smallObject, small);
      smallRss.add(s.peakRssMib());
      smallHeap.add(s.number("heapAfterGcPeakMiB"));
    }
    double ratio = bigRss.median() / smallRss.median();
    String verdict = "RSS " + Row.atMost(ratio, 1.1) + "; heap " + Row.atMost(bigHeap.max(), 32);
    return new Row(
        "B5",
        "streaming publish of "
            + TransferBench.gib(bigObject.size())
            + " under -Xmx64m: peak RSS "
            + bigRss
            + ", heap in use after GC "
            + bigHeap
            + " (sampled, garbage included: "
            + bigHeapSampled
            + "), "
            + bigRate,
        "the same for "
            + TransferBench.gib(smallObject.size())
            + ": peak RSS "
            + smallRss
            + ", heap in use after GC "
            + smallHeap,
        ratio,
        Row.target("B5"),
        verdict,
        load.describe(),
        List.of());
  }

  private ProcessResult publish(DataFile object, String path) {
    return env.client(
        SMALL_HEAP,
        "publish",
        List.of(
            "manta=" + env.triton().mantaUrl(),
            "imgapi=" + env.triton().imgapiUrl(),
            "path=" + path,
            "size=" + object.size(),
            "sha1=" + object.sha1Hex(),
            "heap=true"));
  }
}
