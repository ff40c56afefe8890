#!/usr/bin/env bash
# Install the Debian 12 packages Arbor needs, and only those that are missing.
#
#   packaging/deps.sh [build|run|test]...     (no argument: all three sets)
#
# Checks with dpkg-query first; runs `apt-get update` and `apt-get install` only when something
# is missing, so a second run installs nothing and takes well under a second. Needs root or sudo
# only when it has something to install.
set -euo pipefail

# librsvg2-bin: rsvg-convert renders the PNG application icons from the SVG (app/arbor). lld: the
# linker (CMakeLists.txt uses it when present).
readonly BUILD_PKGS=(
    build-essential cmake ninja-build pkg-config ccache
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev libqt6opengl6-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libpqxx-dev libsqlite3-dev qtkeychain-qt6-dev libsimdjson-dev libboost-dev libgl-dev libvulkan-dev
    librsvg2-bin lld
)

# What the console and arborctl load at run time: packaging/runtime-packages.txt, the list the
# .deb's Depends and Recommends come from too (packaging/CPackConfig.cmake). Of a line with
# alternatives ("a | b") the first is installed.
run_pkgs_file="$(dirname "${BASH_SOURCE[0]}")/runtime-packages.txt"
RUN_PKGS=()
while read -r kind first _; do
    case "$kind" in
        linked | depends | recommends) RUN_PKGS+=("$first") ;;
    esac
done < <(sed 's/#.*//' "$run_pkgs_file")
((${#RUN_PKGS[@]} > 0)) || { printf 'deps: error: no packages in %s\n' "$run_pkgs_file" >&2; exit 1; }
readonly RUN_PKGS

# clang and its runtime libraries build the libFuzzer targets (tests/fuzz/run.sh); Google
# Benchmark builds bench_evmjson; desktop-file-utils and appstream validate the desktop entry and
# the metainfo (tests/ui, tests/packaging); lintian checks the .deb (tests/packaging); libtsan2 is
# gcc's ThreadSanitizer runtime (tests/sanitize.sh thread); procps's pgrep stops what tests/run.sh
# left running when it is interrupted.
readonly TEST_PKGS=(
    postgresql-15 xvfb xauth dbus-daemon dbus-x11 gnome-keyring libsecret-tools imagemagick procps
    clang libclang-rt-14-dev libbenchmark-dev libtsan2 qt6-base-private-dev
    desktop-file-utils appstream lintian
)

log() { printf 'deps: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
    cat >&2 <<'EOF'
usage: packaging/deps.sh [build|run|test]...
Installs the missing Debian packages of the named sets (all three when none is named).
EOF
}

wanted=()
add_set() {
    case "$1" in
        build) wanted+=("${BUILD_PKGS[@]}") ;;
        run) wanted+=("${RUN_PKGS[@]}") ;;
        test)
            wanted+=("${TEST_PKGS[@]}")
            # Node may come from elsewhere (nodesource, nvm): only ask Debian when a command is missing.
            command -v node >/dev/null 2>&1 || wanted+=(nodejs)
            command -v npm >/dev/null 2>&1 || wanted+=(npm)
            ;;
        -h | --help) usage; exit 0 ;;
        *) usage; die "unknown package set '$1'" ;;
    esac
}

if (($# == 0)); then
    set -- build run test
fi
for set_name in "$@"; do
    add_set "$set_name"
done

command -v dpkg-query >/dev/null 2>&1 || die "dpkg-query not found: this script supports Debian 12 only"

# One dpkg-query call for the whole list; unknown names print nothing and count as missing.
declare -A installed=()
while read -r pkg status; do
    [[ "$status" == installed ]] && installed["$pkg"]=1
done < <(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${wanted[@]}" 2>/dev/null || true)

missing=()
declare -A seen=()
for pkg in "${wanted[@]}"; do
    [[ -n "${seen[$pkg]:-}" ]] && continue
    seen["$pkg"]=1
    [[ -n "${installed[$pkg]:-}" ]] || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
    log "all ${#seen[@]} packages for '$*' are installed"
    exit 0
fi

as_root=()
if ((EUID != 0)); then
    if command -v sudo >/dev/null 2>&1; then
        as_root=(sudo)
    else
        die "missing packages: ${missing[*]}
       installing them needs root, and sudo is not available. Run as root:
       apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
    fi
fi

log "installing ${#missing[@]} missing package(s): ${missing[*]}"
# Wait for a concurrent apt/dpkg run instead of failing on its lock.
apt_opts=(-o DPkg::Lock::Timeout=600)
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get "${apt_opts[@]}" install -y --no-install-recommends "${missing[@]}"
log "done"
