#!/usr/bin/env bash
# Build the libFuzzer targets with clang (ASan + UBSan, arbor_core instrumented too) in
# build/fuzz and run each for N seconds (default 30), starting from the seed corpus.
#
#   tests/fuzz/run.sh [seconds] [target...]      e.g. tests/fuzz/run.sh 300 fuzz_abi
#
# New interesting inputs go to build/fuzz/corpus/<target>/, crashes to build/fuzz/artifacts/.
# Exits non-zero when a target crashes, leaks, hits undefined behaviour or fails to build.
# Reproduce a crash with: build/fuzz/tests/fuzz/<target> build/fuzz/artifacts/<target>/crash-…
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
build_dir="$repo/build/fuzz"
seconds="${1:-30}"
targets=(fuzz_abi fuzz_evmjson)
if (($# > 1)); then
    targets=("${@:2}")
fi

bash "$repo/tests/fuzz/configure.sh"
cmake --build "$build_dir" --parallel --target "${targets[@]}"

export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
# One target for $seconds: its log is kept beside the corpus (libFuzzer prints a line per new
# input) and shown only when the target fails, so the run's end stays readable.
fuzz_one() {
    local target="$1"
    local corpus="$build_dir/corpus/$target" artifacts="$build_dir/artifacts/$target" log="$build_dir/$target.log"
    mkdir -p "$corpus" "$artifacts"
    local dict=()
    [[ -f "$repo/tests/fuzz/${target#fuzz_}.dict" ]] && dict=("-dict=$repo/tests/fuzz/${target#fuzz_}.dict")
    "$build_dir/tests/fuzz/$target" "${dict[@]}" \
        -max_total_time="$seconds" -max_len=65536 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$artifacts/" "$corpus" "$repo/tests/fuzz/corpus/$target" >"$log" 2>&1
}

# The targets run side by side, each on a core of its own where there are enough (libFuzzer
# uses one): each fuzzes as long as alone, and the pass takes the time of one.
printf '\n== %s for %s s each, side by side\n' "${targets[*]}" "$seconds" >&2
pids=()
for target in "${targets[@]}"; do
    fuzz_one "$target" &
    pids+=($!)
done
failed=()
for i in "${!targets[@]}"; do
    target="${targets[$i]}"
    rc=0
    wait "${pids[$i]}" || rc=$?
    printf '\n== %s\n' "$target" >&2
    if ((rc != 0)); then
        tail -n 80 "$build_dir/$target.log" >&2
        echo "$target FAILED (exit $rc): see $build_dir/artifacts/$target and $build_dir/$target.log" >&2
        failed+=("$target")
    else
        grep -E '^(Done|stat::number_of_executed_units|stat::new_units_added)' "$build_dir/$target.log" >&2 || true
    fi
done

if ((${#failed[@]} > 0)); then
    echo "fuzzing found problems in: ${failed[*]}" >&2
    exit 1
fi
echo "fuzzing: no crashes in ${targets[*]} (${seconds} s each)" >&2
