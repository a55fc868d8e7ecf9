#!/usr/bin/env bash
# The sync benchmark: the app (polling only, webhooks on, shipped defaults) against a thread-per-sync blocking
# poller, same stand-in, same JVM, each size three times (BENCH_REPEATS).
# Usage (from any directory; it runs from the repository root): bench/run.sh [sizes, default 50,500,2000]
# Figures go to stdout and bench/RESULTS.md; the app's own log goes to target/bench-app.log, the JFR recording
# of the profiled run to target/bench-app.jfr.
set -euo pipefail
cd "$(dirname "$0")/.."
# BENCH_HEAP (e.g. 512m) caps the JVM's heap, to show a size fits in a heap that small: app, stand-in, broker
# and baseline all share it, and a smaller heap costs GC CPU. Unset, the JVM's default (a quarter of memory).
SIZES="${1:-50,500,2000}"
HEAP_OPTION=()
if [[ -n "${BENCH_HEAP:-}" ]]; then HEAP_OPTION=("-Xmx$BENCH_HEAP"); fi
# Every temporary file of the bench's JVM goes here (zonky's PostgreSQL binaries and its test server, each app
# phase's data dir with its own PostgreSQL), so the clean-up below finds each server the bench started.
BENCH_TMP="$PWD/target/bench-tmp"

# Stops each PostgreSQL still running on a data dir under $BENCH_TMP (the bench killed, or a phase failed
# before its app stopped): postmaster.pid names the pid, and only a postgres process whose working directory
# is that very data dir (the postmaster runs in its data dir) is stopped, never a pid reused by another
# process. SIGINT is PostgreSQL's fast shutdown.
stop_postgres() {
    local pidfile pid dir waited
    while IFS= read -r pidfile; do
        pid=$(head -n 1 "$pidfile" 2>/dev/null || true)
        dir=$(dirname "$pidfile")
        [[ "$pid" =~ ^[0-9]+$ ]] || continue
        [[ "$(readlink "/proc/$pid/cwd" 2>/dev/null || true)" == "$(realpath "$dir")" ]] || continue
        [[ "$(readlink "/proc/$pid/exe" 2>/dev/null || true)" == */postgres ]] || continue
        echo "bench/run.sh: stopping PostgreSQL $pid left running on $dir" >&2
        kill -INT "$pid" 2>/dev/null || true
        for waited in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.2
        done
    done < <(find "$BENCH_TMP" -name postmaster.pid 2>/dev/null)
}

JAVA_PID=""
clean_up() {
    if [[ -n "$JAVA_PID" ]] && kill -0 "$JAVA_PID" 2>/dev/null; then
        # SIGTERM runs the JVM's shutdown hooks (zonky's test server stops in one)
        kill "$JAVA_PID" 2>/dev/null || true
        wait "$JAVA_PID" 2>/dev/null || true
    fi
    stop_postgres
    # the app phases delete their own data dirs; these are what a killed run left (and TestApp's pipeline files)
    rm -rf "$BENCH_TMP"/camelbyte-bench* "$BENCH_TMP"/camelbyte-test*
}
trap clean_up EXIT
# Ctrl-C and kill: exit, so the EXIT trap above stops the JVM (a background job ignores SIGINT) and PostgreSQL
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$BENCH_TMP"
stop_postgres
# The reactor builds the app and the two modules it depends on; in the same build, the app's test classpath
# names their target/classes (and the stand-in's target/test-classes) rather than jars from ~/.m2. The file
# goes to app/target/ (Maven resolves the relative path per module).
mvn -B -q -pl app -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
# stackdepth: the profiled run's hot-method summary looks for the app's frame below deep Camel stacks
java "${HEAP_OPTION[@]}" -XX:FlightRecorderOptions:stackdepth=256 -Djava.io.tmpdir="$BENCH_TMP" \
    -cp "app/target/test-classes:app/target/classes:$(cat app/target/bench-classpath.txt)" \
    org.camelbyte.bench.SyncBenchmark "$SIZES" 2> target/bench-app.log &
JAVA_PID=$!
wait "$JAVA_PID"
