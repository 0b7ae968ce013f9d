/**
 * Benchmarks of the performance budget, each printed beside a baseline measured in the same run:
 * transfers against the local Triton in its marked bench mode, node-manta's {@code mput}, memory
 * under a small heap, and poll counts on a virtual clock. {@link
 * org.tritondatacenter.origin.bench.BenchMain} runs them and prints one table; {@code bench/run.sh}
 * builds what they need first. None of this runs in {@code verify}.
 */
package org.tritondatacenter.origin.bench;
