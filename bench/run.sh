#!/usr/bin/env bash
# Builds what the benchmarks need and runs them, printing one Markdown table (also written to
# bench/target/results.md). Not part of CI. Options go to BenchMain:
#   bench/run.sh                 everything, 3 runs per measurement, 2 GiB files (~10 minutes)
#   bench/run.sh --only B1,B6    some rows
#   bench/run.sh --quick         small sizes, one run: a check of the harness itself
set -euo pipefail
cd "$(dirname "$0")/.."

# Only the modules the benchmarks run (the CLI's jar for B8); tests are CI's job, not this
# script's.
./mvnw -B -q -pl bench,cli -am package -DskipTests

# B4 compares with node-manta's mput, installed here from the npm registry. npm 11 links no bins,
# so BenchMain runs node_modules/manta/bin/mput with node directly.
NODE_DIR=bench/target/node
if [ ! -f "$NODE_DIR/node_modules/manta/bin/mput" ]; then
  if command -v npm >/dev/null 2>&1; then
    mkdir -p "$NODE_DIR"
    npm install --prefix "$NODE_DIR" --no-audit --no-fund --loglevel=error manta@5.4.2 \
      || echo "npm install manta@5.4.2 failed; B4 will be reported as not measured" >&2
  else
    echo "npm is not installed; B4 will be reported as not measured" >&2
  fi
fi

export BENCH_COMMAND="bench/run.sh${*:+ $*}"
exec java -cp "bench/target/classes:bench/target/lib/*" \
  org.tritondatacenter.origin.bench.BenchMain \
  --work bench/target --results bench/target/results.md "$@"
