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
failed=()
for target in "${targets[@]}"; do
    corpus="$build_dir/corpus/$target"
    artifacts="$build_dir/artifacts/$target"
    mkdir -p "$corpus" "$artifacts"
    dict=()
    [[ -f "$repo/tests/fuzz/${target#fuzz_}.dict" ]] && dict=("-dict=$repo/tests/fuzz/${target#fuzz_}.dict")
    printf '\n== %s for %s s\n' "$target" "$seconds" >&2
    # libFuzzer prints a line per new input; its log is kept beside the corpus and shown only
    # when the target fails, so the run's end stays readable.
    log="$build_dir/$target.log"
    rc=0
    "$build_dir/tests/fuzz/$target" "${dict[@]}" \
        -max_total_time="$seconds" -max_len=65536 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$artifacts/" "$corpus" "$repo/tests/fuzz/corpus/$target" >"$log" 2>&1 || rc=$?
    if ((rc != 0)); then
        tail -n 80 "$log" >&2
        echo "$target FAILED (exit $rc): see $artifacts and $log" >&2
        failed+=("$target")
    else
        grep -E '^(Done|stat::number_of_executed_units|stat::new_units_added)' "$log" >&2 || true
    fi
done

if ((${#failed[@]} > 0)); then
    echo "fuzzing found problems in: ${failed[*]}" >&2
    exit 1
fi
echo "fuzzing: no crashes in ${targets[*]} (${seconds} s each)" >&2
