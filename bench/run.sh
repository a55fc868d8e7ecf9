#!/usr/bin/env bash
# The sync benchmark: the app against a thread-per-sync blocking poller, same stand-in, same JVM.
# Usage, from the repository root: bench/run.sh [sizes, default 50,500,2000]
# Figures go to stdout and bench/RESULTS.md; the app's own log goes to target/bench-app.log.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test-compile
mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.camelbyte.bench.SyncBenchmark "$@" 2> target/bench-app.log
