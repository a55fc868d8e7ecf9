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

# The pids of processes running one of the bench's own PostgreSQL programs: zonky unpacks them under
# $BENCH_TMP, so only this bench (in this work tree) runs them, and the other PostgreSQL servers on the machine
# are never touched.
bench_pg_pids() {
    find /proc -mindepth 2 -maxdepth 2 -name exe -lname "$BENCH_TMP/embedded-pg/*/bin/$1" 2>/dev/null | cut -d/ -f3
}

# Waits up to $2 tenths of a second until no process runs the bench's PostgreSQL program $1.
await_no() {
    local i
    for ((i = 0; i < $2; i++)); do
        [[ -z "$(bench_pg_pids "$1")" ]] && return 0
        sleep 0.1
    done
}

# Stops every PostgreSQL server of the bench still running (the bench killed, or a phase failed before its app
# stopped). An initdb or pg_ctl the JVM started goes on when the JVM ends, so those end first (pg_ctl start
# waits for its server, which might otherwise come up after this look). Then each postmaster, a postgres
# whose parent is none, gets SIGINT, PostgreSQL's fast shutdown; its backends end with it.
stop_postgres() {
    local pid parent
    await_no initdb 600
    await_no pg_ctl 600
    for pid in $(bench_pg_pids postgres); do
        parent=$(awk '{print $4}' "/proc/$pid/stat" 2>/dev/null) || continue
        if [[ " $(bench_pg_pids postgres | tr '\n' ' ') " != *" $parent "* ]]; then
            echo "bench/run.sh: stopping PostgreSQL $pid, left running on $(readlink "/proc/$pid/cwd")" >&2
            kill -INT "$pid" 2>/dev/null || true
        fi
    done
    await_no postgres 300
}

JAVA_PID=""
clean_up() {
    if [[ -n "$JAVA_PID" ]] && kill -0 "$JAVA_PID" 2>/dev/null; then
        # SIGTERM runs the JVM's shutdown hooks (zonky's test server stops in one)
        kill "$JAVA_PID" 2>/dev/null || true
        wait "$JAVA_PID" 2>/dev/null || true
    fi
    stop_postgres
    # the app phases delete their own data dirs; the rest is what a killed run left, TestApp's pipeline files and
    # Vert.x's caches; zonky's unpacked PostgreSQL stays for the next run
    find "$BENCH_TMP" -mindepth 1 -maxdepth 1 ! -name embedded-pg -exec rm -rf {} +
}
trap clean_up EXIT
# Ctrl-C and kill: exit, so the EXIT trap above stops the JVM (a background job ignores SIGINT) and PostgreSQL
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$BENCH_TMP"
stop_postgres
# The reactor builds the app and the two modules it depends on; in the same build, the app's test classpath
# names their target/classes rather than jars from ~/.m2. The file
# goes to app/target/ (Maven resolves the relative path per module).
# Maven's output goes to stderr: stdout is the bench's own, its last line the key=value line.
mvn -B -q -Dstyle.color=never -pl app -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >&2
# stackdepth: the profiled run's hot-method summary looks for the app's frame below deep Camel stacks
java "${HEAP_OPTION[@]}" -XX:FlightRecorderOptions:stackdepth=256 -Djava.io.tmpdir="$BENCH_TMP" \
    -cp "app/target/test-classes:app/target/classes:$(cat app/target/bench-classpath.txt)" \
    org.camelbyte.bench.SyncBenchmark "$SIZES" 2> target/bench-app.log &
JAVA_PID=$!
wait "$JAVA_PID"
