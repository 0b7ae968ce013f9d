/**
 * testkit's own throughput benchmark, run by {@code testkit/bench/put-throughput.sh} rather than by
 * the test suite: it checks that testkit's Manta PUT path is not what limits the project's
 * throughput benchmarks, by comparing it with a trivial sink in the same run.
 */
package org.tritondatacenter.origin.testkit.bench;
