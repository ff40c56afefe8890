#!/usr/bin/env bash
# Build Arbor in Release and run the benchmark programs against SQLite and a throwaway
# PostgreSQL. Prints figures; asserts nothing.   tests/bench/run.sh [iterations]
# bench_indexing needs the devnet (tests/support/devnet/node_modules, installed by tests/run.sh);
# without it that benchmark is skipped. bench_gui (the GUI thread's stalls and the memory while
# the console indexes 10 devnets) needs it too and runs on the offscreen platform.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
build_dir="$repo/build/bench"
bash "$repo/packaging/deps.sh" build run test
pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/arbor-bench-pg.XXXXXX")"
cleanup() {
    bash "$repo/tests/support/pg.sh" stop "$pg_dir" || true
    rm -rf "$pg_dir"
}
trap cleanup EXIT
ARBOR_TEST_PG_URL="$(bash "$repo/tests/support/pg.sh" start "$pg_dir")"
export ARBOR_TEST_PG_URL
cmake -S "$repo" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DARBOR_BUILD_TESTS=ON -DARBOR_BUILD_BENCH=ON >/dev/null
cmake --build "$build_dir" --parallel --target bench_chaintables bench_bulkinsert bench_queue bench_triggers bench_agents bench_evmjson bench_indexing bench_gui
export QT_LOGGING_RULES="arbor.*.info=false"
"$build_dir/tests/bench/bench_chaintables" "${1:-20}"
"$build_dir/tests/bench/bench_bulkinsert"
"$build_dir/tests/bench/bench_queue"
"$build_dir/tests/bench/bench_triggers"
"$build_dir/tests/bench/bench_agents"
"$build_dir/tests/bench/bench_evmjson"
if [[ -x "$repo/tests/support/devnet/node_modules/.bin/anvil" ]]; then
    PATH="$repo/tests/support/devnet/node_modules/.bin:$PATH" "$build_dir/tests/bench/bench_indexing"
else
    echo "bench_indexing: skipped (no devnet; tests/run.sh installs it)"
fi
if [[ -x "$repo/tests/support/devnet/node_modules/.bin/anvil" ]]; then
    PATH="$repo/tests/support/devnet/node_modules/.bin:$PATH" QT_QPA_PLATFORM=offscreen "$build_dir/tests/bench/bench_gui"
else
    echo "bench_gui: skipped (no devnet; tests/run.sh installs it)"
fi
