#!/usr/bin/env bash
# Build Arbor in Release and run the benchmark programs against SQLite and a throwaway
# PostgreSQL. Prints figures; asserts nothing.   tests/bench/run.sh [iterations]
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
cmake -S "$repo" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DARBOR_BUILD_TESTS=ON >/dev/null
cmake --build "$build_dir" --parallel --target bench_chaintables bench_bulkinsert bench_evmjson
export QT_LOGGING_RULES="arbor.*.info=false"
"$build_dir/tests/bench/bench_chaintables" "${1:-20}"
"$build_dir/tests/bench/bench_bulkinsert"
"$build_dir/tests/bench/bench_evmjson"
