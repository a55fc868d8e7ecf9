#!/usr/bin/env bash
# The sync benchmark: the app against a thread-per-sync blocking poller, same stand-in, same JVM.
# Usage, from the repository root: bench/run.sh [sizes, default 50,500,2000]
# Figures go to stdout and bench/RESULTS.md; the app's own log goes to target/bench-app.log.
set -euo pipefail
cd "$(dirname "$0")/.."
# BENCH_HEAP (e.g. 512m) caps the JVM's heap, to show a size fits in a heap that small: app, stand-in, broker
# and baseline all share it, and a smaller heap costs GC CPU. Unset, the JVM's default (a quarter of memory).
SIZES="${1:-50,500,2000}"
HEAP_OPTION=()
if [[ -n "${BENCH_HEAP:-}" ]]; then HEAP_OPTION=("-Xmx$BENCH_HEAP"); fi
mvn -q test-compile
mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java "${HEAP_OPTION[@]}" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.camelbyte.bench.SyncBenchmark "$SIZES" 2> target/bench-app.log
