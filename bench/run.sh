#!/usr/bin/env bash
# The sync benchmark: the app against a thread-per-sync blocking poller, same stand-in, same JVM.
# Usage, from the repository root: bench/run.sh [sizes, default 50,500,2000]
# Figures go to stdout and bench/RESULTS.md; the app's own log goes to target/bench-app.log.
set -euo pipefail
cd "$(dirname "$0")/.."
# The JVM's heap is capped at the issue's target for the sizes asked (256 MB up to N = 2,000, 512 MB above):
# app, stand-in, broker and baseline must all fit in it, so "peak heap" is a limit the run kept, not a reading
# of how far an uncapped collector let garbage grow. BENCH_HEAP overrides it (e.g. BENCH_HEAP=6g).
SIZES="${1:-50,500,2000}"
HEAP="${BENCH_HEAP:-$(tr ',' '\n' <<<"$SIZES" | awk '$1 > 2000 { big = 1 } END { print big ? "512m" : "256m" }')}"
mvn -q test-compile
mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java "-Xmx$HEAP" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.camelbyte.bench.SyncBenchmark "$SIZES" 2> target/bench-app.log
