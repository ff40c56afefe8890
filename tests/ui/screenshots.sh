#!/usr/bin/env bash
# Screenshots of the console for review: starts it under Xvfb against devnets with indexing
# under way and writes a PNG of every page (and of the main dialogs) to DIR.
#   tests/ui/screenshots.sh DIR [arbor_screenshots options, e.g. --chains 2 --size 1920x1080 --language de]
# Uses build/tests/tests/ui/arbor_screenshots when it is there, else builds it (Release) in
# build/screenshots. Needs xvfb-run and the devnet (tests/support/devnet/node_modules).
set -euo pipefail
if [[ $# -lt 1 ]]; then
    echo "usage: $0 DIR [options]" >&2
    exit 2
fi
out_dir="$1"
shift
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
mkdir -p "$out_dir"
out_dir="$(cd "$out_dir" && pwd -P)"

program=""
for candidate in "${ARBOR_SCREENSHOTS:-}" "$repo/build/tests/tests/ui/arbor_screenshots" "$repo/build/bench/tests/ui/arbor_screenshots"; do
    if [[ -n "$candidate" && -x "$candidate" ]]; then
        program="$candidate"
        break
    fi
done
if [[ -z "$program" ]]; then
    build_dir="$repo/build/screenshots"
    cmake -S "$repo" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DARBOR_BUILD_TESTS=ON >/dev/null
    cmake --build "$build_dir" --parallel 2 --target arbor_screenshots
    program="$build_dir/tests/ui/arbor_screenshots"
fi

devnet_bin="$repo/tests/support/devnet/node_modules/.bin"
if [[ ! -x "$devnet_bin/anvil" ]]; then
    echo "screenshots: no devnet in $devnet_bin (tests/run.sh installs it)" >&2
    exit 1
fi
command -v xvfb-run >/dev/null || { echo "screenshots: xvfb-run is missing (apt install xvfb)" >&2; exit 1; }

export PATH="$devnet_bin:$PATH"
export QT_QPA_PLATFORM=xcb
export QT_LOGGING_RULES="${QT_LOGGING_RULES:-arbor.*.info=false}"
xvfb-run -a -s "-screen 0 2000x1200x24" "$program" "$out_dir" "$@"
ls -1 "$out_dir"/*.png
