#!/usr/bin/env bash
# The sanitizer runs that check Arbor's threads and memory by machine.
#
#   tests/sanitize.sh [thread|address|all] [ctest arguments]...     (default: all)
#
# thread   ThreadSanitizer (gcc) build of core and the integration suite in build/tsan (no GUI),
#          ctest -L tsan: every integration test on SQLite, and on PostgreSQL those whose
#          PostgreSQL code runs on several threads, connections or processes at once
#          (tests/integration/CMakeLists.txt, POSTGRES_THREADS); ARBOR_TSAN_LABEL=integration:
#          every integration test on both backends.
# address  AddressSanitizer + UBSan (clang) build of the unit tests and the storage suite in
#          build/fuzz, the build the fuzzers use (tests/fuzz/run.sh), so core is built once for
#          both; the fuzzers are built with them.
#
# ARBOR_SANITIZE_STEP=build only builds, ARBOR_SANITIZE_STEP=test only runs what was built
# (tests/run.sh builds beside its main suite, then tests).
#
# A report fails the test that meets it. Debian's Qt is not built with ThreadSanitizer: reports
# whose racy access lies inside Qt's own libraries are suppressed (tests/tsan.supp names those
# libraries, never Arbor's code). tests/run.sh runs both with its PostgreSQL after the main suite
# (the thread run with ARBOR_TSAN=1; ARBOR_SANITIZE=0 skips the address run); run
# alone, this starts one itself. Tests run in a private keyring session either way.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
# ccache (when installed) keys on paths relative to the checkout, so every clone on this machine
# shares one cache: a fresh clone rebuilds in minutes instead of the full half hour.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$repo}" CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
# The precompiled headers (core/pch.h, ui/pch.h, tests/support/testpch.h) are cached too only with
# this sloppiness; without it ccache passes every file that uses one straight to the compiler.
export CCACHE_SLOPPINESS="${CCACHE_SLOPPINESS:-pch_defines,time_macros,include_file_mtime,include_file_ctime}"
which="${1:-all}"
case "$which" in
    thread | address | all) shift || true ;;
    -*) which=all ;;
    *) echo "usage: tests/sanitize.sh [thread|address|all] [ctest arguments]..." >&2; exit 2 ;;
esac

say() { printf '\n== %s\n' "$*" >&2; }

# Alone: a throwaway PostgreSQL and a private keyring session, as tests/run.sh provides.
if [[ -z "${ARBOR_TEST_PG_URL:-}" ]]; then
    bash "$repo/packaging/deps.sh" build run test
    pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/arbor-sanitize-pg.XXXXXX")"
    # shellcheck disable=SC2317  # called by the EXIT trap
    cleanup() {
        bash "$repo/tests/support/pg.sh" stop "$pg_dir" || true
        rm -rf "$pg_dir"
    }
    trap cleanup EXIT
    ARBOR_TEST_PG_URL="$(bash "$repo/tests/support/pg.sh" start "$pg_dir")"
    export ARBOR_TEST_PG_URL
fi
devnet_bin="$repo/tests/support/devnet/node_modules/.bin"
if [[ -d "$devnet_bin" ]]; then
    export PATH="$devnet_bin:$PATH"
fi
exec_in_session=(bash "$repo/tests/support/with-keyring.sh")
export QT_QPA_PLATFORM=offscreen

tsan_build() {
    local start=$SECONDS
    cmake -S "$repo" -B "$repo/build/tsan" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_C_COMPILER=gcc -DCMAKE_CXX_COMPILER=g++ \
        -DARBOR_SANITIZE=thread -DARBOR_BUILD_GUI=OFF -DARBOR_BUILD_TESTS=ON >/dev/null
    # The integration tests and what they start (arborctl); nothing of the console.
    local targets
    mapfile -t targets < <(ninja -C "$repo/build/tsan" -t targets all |
        sed -n 's#^tests/integration/\(tst_[a-z_]*\): CXX_EXECUTABLE_LINKER.*#\1#p; s#^app/arborctl/arborctl: CXX_EXECUTABLE_LINKER.*#arborctl#p' | sort -u)
    cmake --build "$repo/build/tsan" --parallel --target arbor_tsan_qt "${targets[@]}"
    echo "ThreadSanitizer build took $((SECONDS - start)) s" >&2
}

tsan_test() {
    local start=$SECONDS t_rc=0
    # tests/support/tsan/qtbridge.cpp shows ThreadSanitizer the hand-overs uninstrumented Qt makes
    # between threads (queued calls, futures, semaphores); preloaded into every process the tests
    # start, arborctl included.
    # Four tests at a time keep two cores about four-fifths busy: all 71 integration tests took
    # 1,190 s (20 minutes), five at a time as long (1,215 s). ARBOR_TSAN_PARALLEL sets how many.
    # Instrumented code runs 5-15 times slower: Qt Test's 300 s limit per test function is
    # raised with the tests' own timeouts (three times as long under TSan, see CMakeLists.txt).
    # Each report goes to a file of its own (report.PID), whole: a test shows only the end of
    # what an arborctl it started wrote. They are printed below.
    # atexit_sleep_ms=0: by default every instrumented process sleeps a second in its main thread
    # before it exits, so that threads still running get to race with the exit. Arbor's processes
    # stop and join every thread of theirs before main() returns (Engine's shutdown), so the
    # sleep found nothing, and the tests wait for each arborctl they start: balances_postgres
    # alone took 531 s with it and 246 s without, the same CPU (231 s, 219 s).
    local reports="$repo/build/tsan/reports"
    rm -rf "$reports"
    mkdir -p "$reports"
    QTEST_FUNCTION_TIMEOUT="${QTEST_FUNCTION_TIMEOUT:-900000}" \
    LD_PRELOAD="$repo/build/tsan/tests/support/libarbor_tsan_qt.so${LD_PRELOAD:+:$LD_PRELOAD}" \
    TSAN_OPTIONS="suppressions=$repo/tests/tsan.supp halt_on_error=1 second_deadlock_stack=1 die_after_fork=0 history_size=7 atexit_sleep_ms=0 log_path=$reports/report ${TSAN_OPTIONS:-}" \
        "${exec_in_session[@]}" ctest --test-dir "$repo/build/tsan" --output-on-failure --parallel "${ARBOR_TSAN_PARALLEL:-4}" \
        -L "${ARBOR_TSAN_LABEL:-tsan}" "$@" || t_rc=$?
    local report
    for report in "$reports"/report.*; do
        [[ -e "$report" ]] || continue
        printf '\n== ThreadSanitizer report %s\n' "$report" >&2
        cat "$report" >&2
        ((t_rc != 0)) || t_rc=1
    done
    echo "ThreadSanitizer tests took $((SECONDS - start)) s (ctest exit $t_rc)" >&2
    return "$t_rc"
}

rc=0
if [[ "$which" == thread || "$which" == all ]]; then
    say "ThreadSanitizer: core and the integration suite (build/tsan)"
    step="${ARBOR_SANITIZE_STEP:-all}"
    if [[ "$step" != test ]]; then
        tsan_build
    fi
    if [[ "$step" != build ]]; then
        tsan_test "$@" || rc=$?
    fi
fi

if [[ "$which" == address || "$which" == all ]]; then
    say "AddressSanitizer + UBSan: the unit tests and the storage suite (build/fuzz)"
    step="${ARBOR_SANITIZE_STEP:-all}"
    if [[ "$step" != test ]]; then
        start=$SECONDS
        bash "$repo/tests/fuzz/configure.sh"
        mapfile -t targets < <(ninja -C "$repo/build/fuzz" -t targets all |
            sed -n 's#^tests/unit/\(tst_[a-z_]*\): CXX_EXECUTABLE_LINKER.*#\1#p; s#^tests/integration/\(tst_store\): CXX_EXECUTABLE_LINKER.*#\1#p' | sort -u)
        cmake --build "$repo/build/fuzz" --parallel --target "${targets[@]}" fuzz_abi fuzz_evmjson
        echo "AddressSanitizer build took $((SECONDS - start)) s" >&2
    fi
    if [[ "$step" != build ]]; then
        start=$SECONDS
        a_rc=0
        ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}" \
        LSAN_OPTIONS="suppressions=$repo/tests/lsan.supp ${LSAN_OPTIONS:-}" \
        UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}" \
            "${exec_in_session[@]}" ctest --test-dir "$repo/build/fuzz" --output-on-failure --parallel 2 \
            -R '^(unit_|store_)' "$@" || a_rc=$?
        echo "AddressSanitizer tests took $((SECONDS - start)) s (ctest exit $a_rc)" >&2
        ((a_rc == 0)) || rc=$a_rc
    fi
fi
exit "$rc"
