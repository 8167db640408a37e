#!/usr/bin/env bash
# Builds the benchmark jar and runs it: one redis-server of its own on a free loopback port, every variant against
# it, then redis-benchmark on it. Results (jmh.json, jmh.txt, redis-benchmark.txt, machine.txt, summary.md) go to
# benchmarks/results/. Arguments go to JMH, for example:
#   benchmarks/run.sh                                  # default: about 40 minutes on 2 cores
#   benchmarks/run.sh -p userDataBytes=1024            # 1 KB only, half the time
#   benchmarks/run.sh -p variant=store,baseline        # the store on its own connection against the baseline
#   benchmarks/run.sh -wi 5 -w 10 -i 10 -r 10 -f 2     # longer and steadier
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl benchmarks -am package -DskipTests
exec java -jar benchmarks/target/benchmarks.jar "$@"
