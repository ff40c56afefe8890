#!/usr/bin/env bash
# The soak test on demand: the console left running for MINUTES (60 or more for a release).
#
#   tests/soak/run.sh [MINUTES]        default 60
#
# Builds arbor_soak (and arborctl) in build/tests when needed, puts the devnet's anvil on PATH and
# runs it in a private D-Bus session with an unlocked keyring (tests/support/with-keyring.sh),
# offscreen, on SQLite (files A and B in a temporary folder; no PostgreSQL needed), or with
# ARBOR_TEST_BACKEND=postgres on two new databases of the server ARBOR_TEST_PG_URL names. Under
# gdb when it is installed, so a crash prints every thread's backtrace. The figures end the output; the
# whole log is kept in build/tests/soak-<date>.log. Exits with the soak's status (0: passed).
#
# Environment: ARBOR_SOAK_RSS_GROWTH_MB (default 96), ARBOR_SOAK_SETTINGS_FIRST=1 (Settings before
# the first delivery), ARBOR_SOAK_NO_GDB=1.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
build_dir="$repo/build/tests"
minutes="${1:-60}"
devnet_bin="$repo/tests/support/devnet/node_modules/.bin"

if [[ ! -x "$devnet_bin/anvil" ]]; then
    echo "soak: anvil is missing: run tests/run.sh once (it installs the devnet's npm packages)" >&2
    exit 2
fi
export PATH="$devnet_bin:$PATH"

if [[ ! -f "$build_dir/build.ninja" ]]; then
    cmake -S "$repo" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DARBOR_BUILD_TESTS=ON
fi
cmake --build "$build_dir" --target arbor_soak

export QT_QPA_PLATFORM=offscreen
log="$build_dir/soak-$(date -u +%Y%m%dT%H%M%SZ).log"
soak=("$build_dir/tests/soak/arbor_soak" "$minutes")
if command -v gdb >/dev/null 2>&1 && [[ -z "${ARBOR_SOAK_NO_GDB:-}" ]]; then
    # gdb takes the fatal signal first (the soak's own crash report then stays silent) and prints
    # every thread's backtrace; the run then ends with 139.
    gdb_script="$(mktemp "${TMPDIR:-/tmp}/arbor-soak-gdb.XXXXXX")"
    trap 'rm -f "$gdb_script"' EXIT
    cat >"$gdb_script" <<'GDB'
set pagination off
set print thread-events off
handle SIGPIPE nostop noprint pass
handle SIG32 nostop noprint pass
handle SIG33 nostop noprint pass
run
if $_isvoid($_exitcode)
  echo \nsoak: CRASH: the backtraces of every thread follow\n
  info threads
  thread apply all bt 30
  kill
  quit 139
end
quit $_exitcode
GDB
    soak=(gdb -q -batch -x "$gdb_script" --args "${soak[@]}")
fi
echo "soak: $minutes min; log in $log" >&2
rc=0
bash "$repo/tests/support/with-keyring.sh" "${soak[@]}" 2>&1 | tee "$log" || rc=${PIPESTATUS[0]}
exit "$rc"
