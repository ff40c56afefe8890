#!/usr/bin/env bash
# Build Arbor in Release mode and start the console.
#
#   packaging/run.sh [arbor arguments]...
#
# Installs missing build and run-time packages, configures and builds build/release, then runs
# build/release/app/arbor with the given arguments. Without --db the console opens its embedded
# SQLite database in the user's data directory. Works from any directory.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
build_dir="$repo/build/release"

bash "$repo/packaging/deps.sh" build run

cmake -S "$repo" -B "$build_dir" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release \
    -DARBOR_BUILD_TESTS=OFF
cmake --build "$build_dir" --parallel

if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
    echo "run.sh: warning: no DISPLAY or WAYLAND_DISPLAY; the console needs a desktop session" \
        "(or run it under xvfb-run, or set QT_QPA_PLATFORM=offscreen)" >&2
fi

# The console is build/release/app/arbor; with app/arbor/ as its own CMake subdirectory the
# binary lands one level further down.
for exe in "$build_dir/app/arbor" "$build_dir/app/arbor/arbor" "$build_dir/bin/arbor"; do
    if [[ -f "$exe" && -x "$exe" ]]; then
        exec "$exe" "$@"
    fi
done
echo "run.sh: error: the build produced no arbor executable under $build_dir/app" >&2
exit 1
