#!/usr/bin/env bash
# Compares testkit's unauthenticated Manta PUT path (DISCARD storage, bench mode) with a trivial
# sink that reads and drops the body, using `curl -T` of a 1 GiB file in the same run, and prints
# the median and range of each and the ratio testkit/sink. testkit must not be what limits the
# project's throughput benchmarks.
#
# Usage: testkit/bench/put-throughput.sh [--runs N] [--size-mib M] [--file PATH] [--no-md5]
# curl sends content-md5, as the project's benchmarks do, so bench mode echoes it instead of
# hashing; --no-md5 measures the path where testkit hashes the body itself.
# Needs curl. Takes about a minute; run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl testkit test-compile
./mvnw -B -q -pl testkit dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -cp "testkit/target/test-classes:testkit/target/classes:$(cat testkit/target/bench.classpath)" \
  org.tritondatacenter.origin.testkit.bench.PutThroughputBenchmark "$@"
