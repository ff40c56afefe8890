#!/usr/bin/env bash
# Configures build/fuzz: clang, ASan + UBSan (and libFuzzer's coverage) on the whole build, so
# arbor_core is instrumented too. Shared by the fuzzers (tests/fuzz/run.sh) and the
# AddressSanitizer run of the unit and storage tests (tests/sanitize.sh address).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
command -v clang++ >/dev/null 2>&1 || { echo "clang++ not found: run packaging/deps.sh test" >&2; exit 1; }

sanitizers="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined"
# Debug keeps Q_ASSERT and Qt's own checks on; -O1 keeps the fuzzer fast.
# No precompiled headers: clang's hold the absolute paths of the headers they were made from, so
# each checkout made its own and ccache (shared by the clones on one machine) missed every file
# that used one, the whole build (41 of 44 compiles in a second clone, 570 s). __FILE__ relative
# to the source tree for the same reason: Q_ASSERT, on in Debug, expands it in the core too.
CC=clang CXX=clang++ cmake -S "$repo" -B "$repo/build/fuzz" -G Ninja \
    -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_FLAGS="-O1 -fno-omit-frame-pointer $sanitizers -fmacro-prefix-map=$repo/=" \
    -DCMAKE_DISABLE_PRECOMPILE_HEADERS=ON \
    -DARBOR_BUILD_GUI=OFF -DARBOR_BUILD_TESTS=ON >/dev/null
