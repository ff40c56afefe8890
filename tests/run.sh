#!/usr/bin/env bash
# Run Arbor's whole test suite: the one command for a fresh Debian 12 machine and for CI.
#
#   tests/run.sh [ctest arguments]...      e.g. tests/run.sh -R storage
#
# 1. installs missing build, run-time and test packages (packaging/deps.sh)
# 2. installs the devnet's npm packages when tests/support/devnet/node_modules is missing or stale,
#    and so those of the MCP server built with the official MCP SDK (tests/support/mcp-sdk) and of
#    the reference Standard Webhooks library (tests/support/standard-webhooks)
# 3. starts a throwaway PostgreSQL on loopback (tests/support/pg.sh), stopped and removed on any exit
# 4. configures and builds build/tests (RelWithDebInfo, tests on)
# 5. runs ctest in a private keyring session (tests/support/with-keyring.sh) with
#    ARBOR_TEST_PG_URL and QT_QPA_PLATFORM=offscreen, the soak tests beside the others (their
#    output in build/tests/soak.log, then in the run's)
# 6. builds, beside the main suite and at the lowest CPU and I/O priority, the AddressSanitizer +
#    UBSan build of the unit and storage tests and the fuzzers (tests/sanitize.sh address, build/fuzz;
#    ARBOR_SANITIZE=0 skips it), after, with ARBOR_TSAN=1, the ThreadSanitizer build of core and
#    the integration suite (tests/sanitize.sh thread, build/tsan); their output in
#    build/tests/sanitizer-build.log
# 7. after the main suite, runs each sanitizer's tests as soon as its build is done: with
#    ARBOR_TSAN=1 the ThreadSanitizer suite (in its own session; its output in
#    build/tests/tsan.log), the AddressSanitizer build going on beside it, then the
#    AddressSanitizer tests and a short fuzzing pass; exits non-zero when any of them failed.
# Works as root and as a normal user with sudo; safe to run again.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
# ccache (when installed) keys on paths relative to the checkout, so every clone on this machine
# shares one cache: a fresh clone rebuilds in minutes instead of the full half hour.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$repo}" CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
# The precompiled headers (core/pch.h, ui/pch.h, tests/support/testpch.h) are cached too only with
# this sloppiness; without it ccache passes every file that uses one straight to the compiler.
export CCACHE_SLOPPINESS="${CCACHE_SLOPPINESS:-pch_defines,time_macros,include_file_mtime,include_file_ctime}"
build_dir="$repo/build/tests"
devnet="$repo/tests/support/devnet"

say() { printf '\n== %s\n' "$*" >&2; }
elapsed() { echo "$((SECONDS - $1)) s"; }

total_start=$SECONDS

say "dependencies"
bash "$repo/packaging/deps.sh" build run test

# npm ci in $1 when its node_modules is missing or older than its package-lock.json.
install_npm_packages() {
    local dir="$1"
    if [[ ! -f "$dir/package.json" ]]; then
        echo "skipped: $dir/package.json not found" >&2
    elif [[ ! -f "$dir/package-lock.json" ]]; then
        echo "skipped: $dir/package-lock.json not found (create it with 'npm install' there)" >&2
    elif [[ ! -d "$dir/node_modules" || "$dir/package-lock.json" -nt "$dir/node_modules" ]]; then
        (cd "$dir" && npm_config_update_notifier=false npm ci --no-audit --no-fund)
        touch "$dir/node_modules"
    else
        echo "up to date" >&2
    fi
}

say "devnet npm packages"
install_npm_packages "$devnet"
say "MCP SDK server npm packages"
install_npm_packages "$repo/tests/support/mcp-sdk"
say "Standard Webhooks reference library"
install_npm_packages "$repo/tests/support/standard-webhooks"
if [[ -d "$devnet/node_modules/.bin" ]]; then
    export PATH="$devnet/node_modules/.bin:$PATH"
fi

say "PostgreSQL"
pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/arbor-test-pg.XXXXXX")"
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
    if [[ -n "${san_build_pid:-}" ]]; then
        kill -- "-$san_build_pid" 2>/dev/null || true
    fi
    if [[ -n "${soak_pid:-}" ]]; then
        kill "$soak_pid" 2>/dev/null || true
    fi
    bash "$repo/tests/support/pg.sh" stop "$pg_dir" || true
    rm -rf "$pg_dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
ARBOR_TEST_PG_URL="$(bash "$repo/tests/support/pg.sh" start "$pg_dir")"
export ARBOR_TEST_PG_URL
echo "ARBOR_TEST_PG_URL=$ARBOR_TEST_PG_URL" >&2

say "configure and build"
build_start=$SECONDS
build_rc=0
{
    cmake -S "$repo" -B "$build_dir" -G Ninja \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DARBOR_BUILD_TESTS=ON &&
        cmake --build "$build_dir" --parallel
} || build_rc=$?
if ((build_rc != 0)); then
    echo "build FAILED after $(elapsed "$build_start") (exit $build_rc)" >&2
    exit "$build_rc"
fi
echo "build took $(elapsed "$build_start")" >&2

sanitize="${ARBOR_SANITIZE:-1}"
# ThreadSanitizer (core and the integration suite, build/tsan; tests/sanitize.sh) runs after the
# main suite, alone, with ARBOR_TSAN=1 (as .ci/run sets it). Beside the main suite its tests took
# longer in all and their load made timing-bound tests fail now and then.
tsan="${ARBOR_TSAN:-0}"
fuzz_seconds="${ARBOR_FUZZ_SECONDS:-20}"

# The sanitizer builds are not tests: they run beside the main suite, at nice 19 and idle I/O
# priority. The suite keeps two cores about half busy (it waits on devnets' blocks, timers and
# receivers); built after it, the two builds had added 14 minutes to CI on two cores.
# The ThreadSanitizer build goes first, so that its tests, the longest part after the main suite,
# start as soon as that is over; the AddressSanitizer build then takes what those tests leave
# idle (about a fifth of two cores) and its tests and the fuzzing (about 60 s) follow them.
# AddressSanitizer first was worse whenever the builds cannot finish within the main suite:
# what was left of them ran with nothing beside it (ci89, its compiler cache partly cold: the
# ThreadSanitizer tests started 446 s after the main suite ended).
san_build_pid=""
san_build_log="$build_dir/sanitizer-build.log"
# Each build writes its exit status here when it ends (thread.rc, address.rc): each build's
# tests start once it is done, not once both are.
san_status="$build_dir/sanitizer-build.status"
rm -rf "$san_status"
mkdir -p "$san_status"
san_kinds=()
[[ "$tsan" == 1 ]] && san_kinds+=(thread)
[[ "$sanitize" != 0 ]] && san_kinds+=(address)
if ((${#san_kinds[@]} > 0)); then
    say "sanitizer builds (${san_kinds[*]}) beside the tests, at low priority (output in $san_build_log)"
    low=(nice -n 19)
    if ionice -c 3 true 2>/dev/null; then
        low+=(ionice -c 3)
    fi
    # Its own session (setsid), so that an interrupted run stops the compilers too. With the
    # kernel's automatic grouping by session (sched_autogroup), nice orders processes only within
    # their session: the session itself is set to nice 19, or it would take half of the CPU.
    setsid "${low[@]}" bash -c '
        echo 19 2>/dev/null >/proc/self/autogroup || true
        for kind in "${@:3}"; do
            rc=0
            ARBOR_SANITIZE_STEP=build bash "$1/tests/sanitize.sh" "$kind" || rc=$?
            echo "$rc" >"$2/$kind.rc.new" && mv "$2/$kind.rc.new" "$2/$kind.rc"
        done' build "$repo" "$san_status" "${san_kinds[@]}" >"$san_build_log" 2>&1 &
    san_build_pid=$!
fi

# Whether the sanitizer build of kind $1 (address, thread) has ended; true too when the builds
# stopped without reaching it (san_build_rc then says 1).
san_build_ended() {
    [[ -f "$san_status/$1.rc" ]] || ! kill -0 "$san_build_pid" 2>/dev/null
}
# Its exit status, once san_build_ended; 1 when it never ran. Says so, with the log, when it failed.
san_build_rc() {
    local kind="$1" name="$2" rc=1
    [[ -f "$san_status/$kind.rc" ]] && rc="$(cat "$san_status/$kind.rc")"
    if ((rc != 0)); then
        cat "$san_build_log" >&2
        echo "$name build FAILED (exit $rc)" >&2
    else
        grep -E "$name build took" "$san_build_log" >&2 || true
    fi
    echo "$rc"
}

say "tests"
export QT_QPA_PLATFORM=offscreen
test_start=$SECONDS
test_rc=0
ctest_log="$build_dir/ctest.log"
soak_log="$build_dir/soak.log"
run_ctest() {
    bash "$repo/tests/support/with-keyring.sh" \
        ctest --test-dir "$build_dir" --output-on-failure --parallel 2 "$@" 2>&1 |
        tee -a "$ctest_log"
}
: >"$ctest_log"
# The soaks (label soak: the console left running three minutes, on each backend) run beside the
# rest of the suite, not in two of its slots: each uses about a third of a core, waiting on its
# devnets' blocks and receivers, and as the longest tests they started first and had the suite's
# first three minutes to themselves. What they check does not hang on timing (a console that does
# not respond for 5 s, deliveries, memory growth, alerts).
say "soak tests beside the others (output in $soak_log, repeated below)"
bash "$repo/tests/support/with-keyring.sh" \
    ctest --test-dir "$build_dir" --output-on-failure --parallel 2 -L soak "$@" >"$soak_log" 2>&1 &
soak_pid=$!
run_ctest -LE soak "$@" || test_rc=$?
soak_rc=0
wait "$soak_pid" || soak_rc=$?
soak_pid=""
say "soak tests"
tee -a "$ctest_log" <"$soak_log"
((test_rc != 0)) || test_rc=$soak_rc
echo "tests took $(elapsed "$test_start") (ctest exit $test_rc)" >&2

san_rc=0
tsan_rc=0
fuzz_rc=0
tsan_log="$build_dir/tsan.log"

# AddressSanitizer + UBSan over the unit and storage tests (tests/sanitize.sh address), then a
# short libFuzzer pass over the ABI decoder and the JSON-RPC parser (clang, ASan + UBSan;
# ARBOR_FUZZ_SECONDS=0 skips it; longer runs: tests/fuzz/run.sh 300).
run_address_part() {
    say "AddressSanitizer"
    local start=$SECONDS build_rc
    build_rc="$(san_build_rc address AddressSanitizer)"
    if ((build_rc != 0)); then
        san_rc=$build_rc
    else
        ARBOR_SANITIZE_STEP=test bash "$repo/tests/sanitize.sh" address || san_rc=$?
    fi
    echo "AddressSanitizer tests took $(elapsed "$start") (exit $san_rc)" >&2
    if ((fuzz_seconds > 0)) && [[ -x "$repo/tests/fuzz/run.sh" ]] && ((build_rc == 0)); then
        say "fuzzing (${fuzz_seconds} s per target)"
        start=$SECONDS
        bash "$repo/tests/fuzz/run.sh" "$fuzz_seconds" || fuzz_rc=$?
        echo "fuzzing took $(elapsed "$start") (exit $fuzz_rc)" >&2
    fi
}

run_thread_part() {
    say "ThreadSanitizer: core and the integration suite (build/tsan, output in $tsan_log)"
    local start=$SECONDS build_rc
    build_rc="$(san_build_rc thread ThreadSanitizer)"
    if ((build_rc != 0)); then
        tsan_rc=$build_rc
    else
        ARBOR_SANITIZE_STEP=test bash "$repo/tests/sanitize.sh" thread "$@" >"$tsan_log" 2>&1 || tsan_rc=$?
        if ((tsan_rc != 0)); then
            cat "$tsan_log" >&2 || true
        else
            grep -E 'tests passed|took' "$tsan_log" >&2 || true
        fi
    fi
    echo "ThreadSanitizer tests took $(elapsed "$start") (exit $tsan_rc)" >&2
}

# Each sanitizer's tests as soon as its build is done, the AddressSanitizer part first when both are
# (it is short, and the ThreadSanitizer tests leave little beside them).
address_left=0
thread_left=0
[[ "$sanitize" != 0 ]] && address_left=1
[[ "$tsan" == 1 ]] && thread_left=1
said_waiting=0
while ((address_left + thread_left > 0)); do
    if ((address_left)) && san_build_ended address; then
        address_left=0
        run_address_part
    elif ((thread_left)) && san_build_ended thread; then
        thread_left=0
        run_thread_part "$@"
    else
        if ((!said_waiting)); then
            say "waiting for the sanitizer builds (output in $san_build_log)"
            said_waiting=1
        fi
        sleep 2
        continue
    fi
    said_waiting=0
done
if [[ -n "$san_build_pid" ]]; then
    wait "$san_build_pid" || true
    san_build_pid=""
fi
echo "total $(elapsed "$total_start")" >&2
# The end of the output is what a CI page shows: repeat what failed there.
if ((test_rc != 0)); then
    say "FAILED tests (full output above and in $ctest_log)"
    sed -n '/tests passed, .* tests failed out of/,$p' "$ctest_log" >&2
fi
if ((tsan_rc != 0)); then
    say "ThreadSanitizer FAILED (exit $tsan_rc): see the 'ThreadSanitizer tests' section above"
    sed -n '/tests passed, .* tests failed out of/,$p' "$tsan_log" >&2
fi
if ((san_rc != 0)); then
    echo "AddressSanitizer FAILED (exit $san_rc): see the 'AddressSanitizer' section above" >&2
fi
if ((fuzz_rc != 0)); then
    echo "fuzzing FAILED (exit $fuzz_rc): see the 'fuzzing' section above" >&2
fi
if ((test_rc != 0)); then
    exit "$test_rc"
fi
if ((tsan_rc != 0)); then
    exit "$tsan_rc"
fi
if ((san_rc != 0)); then
    exit "$san_rc"
fi
exit "$fuzz_rc"
