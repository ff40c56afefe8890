#!/usr/bin/env bash
# Build the .deb from an existing build directory and check it.
#
#   tests/packaging/check-deb.sh BUILD_DIR [VERSION]
#
# Runs cpack (DEB) on BUILD_DIR's CPackConfig.cmake into a temporary directory (no compiling:
# it packages what the build already made), then checks with dpkg-deb:
#   - Package, Version, Architecture; Depends holds what dpkg-shlibdeps finds for the `linked`
#     lines of packaging/runtime-packages.txt and every `depends` line; Recommends every
#     `recommends` line;
#   - the file list: the two executables, the PostgreSQL module, the desktop entry, the icons (the SVG and a PNG of
#     each hicolor size, of that size), the metainfo, the manual pages, the copyright file, the
#     changelog, the systemd unit lib/systemd/system/arbor-serve@.service and its example
#     environment file; nothing else in usr/bin, no test programs, nothing outside usr/ but the
#     unit, no build paths, no .qm files (the translations are embedded), no RPATH/RUNPATH into
#     the build tree, and no empty RPATH/RUNPATH entry (the current directory) in the packaged
#     programs and module or in the build tree's;
#   - the manual page of arborctl has an entry for every command of `arborctl --help`; the
#     changelog's newest entry is this version; the copyright file is machine-readable;
#   - the extracted usr/bin/arborctl --version and usr/bin/arbor --version, without a display;
#   - the PostgreSQL module usr/lib/.../arbor/arbor_postgres.so: the extracted arborctl loads
#     that one (not the build tree's) for a PostgreSQL URL, and SQLite runs load no libpq;
#   - the extracted desktop entry and metainfo with desktop-file-validate and appstreamcli
#     (skipped, with a note, when those are not installed);
#   - the extracted systemd unit: it starts usr/bin/arborctl serve with options arborctl serve
#     --help lists, reads /etc/arbor/%i.env and holds no password; systemd-analyze verify passes
#     it without a word (skipped, with a note, when systemd-analyze is not installed);
#   - lintian on the .deb: any error or warning fails (overrides, each with its reason, are in
#     packaging/lintian-overrides; skipped, with a note, when lintian is not installed).
# Exits non-zero naming every check that failed. Registered with ctest as packaging_deb.
set -uo pipefail

if (($# < 1)); then
    echo "usage: $0 BUILD_DIR [VERSION]" >&2
    exit 2
fi
build_dir="$(cd "$1" && pwd -P)" || exit 2
version="${2:-}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
packages_file="$repo/packaging/runtime-packages.txt"
cpack_cmd="${CPACK_COMMAND:-cpack}"

failures=0
fail() { printf 'check-deb: FAIL: %s\n' "$*" >&2; failures=$((failures + 1)); }
note() { printf 'check-deb: %s\n' "$*" >&2; }

for tool in dpkg-deb dpkg-shlibdeps readelf "$cpack_cmd"; do
    command -v "$tool" >/dev/null 2>&1 || { note "error: $tool not found (dpkg-dev, binutils, cmake)"; exit 1; }
done
[[ -f "$build_dir/CPackConfig.cmake" ]] || {
    note "error: $build_dir/CPackConfig.cmake not found: configure $build_dir first"
    exit 1
}
for exe in app/arbor/arbor app/arborctl/arborctl; do
    [[ -x "$build_dir/$exe" ]] || { note "error: $build_dir/$exe is not built"; exit 1; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/arbor-check-deb.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# 1. Build the package. cpack's install step only copies what the build made.
start=$SECONDS
if ! "$cpack_cmd" --config "$build_dir/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log" >&2
    note "error: cpack failed"
    exit 1
fi
shopt -s nullglob
debs=("$work/out"/*.deb)
shopt -u nullglob
if ((${#debs[@]} != 1)); then
    cat "$work/cpack.log" >&2
    note "error: expected one .deb from cpack, got ${#debs[@]}: ${debs[*]##*/}"
    exit 1
fi
deb="${debs[0]}"
note "built ${deb##*/} ($(du -k "$deb" | cut -f1) KiB) in $((SECONDS - start)) s"

# 2. Control fields.
field() { dpkg-deb -f "$deb" "$1"; }
[[ "$(field Package)" == arbor ]] || fail "Package is '$(field Package)', not 'arbor'"
if [[ -n "$version" && "$(field Version)" != "$version" ]]; then
    fail "Version is '$(field Version)', not the project's '$version'"
fi
arch="$(dpkg --print-architecture)"
[[ "$(field Architecture)" == "$arch" ]] || fail "Architecture is '$(field Architecture)', not '$arch'"
for f in Maintainer Section Homepage Description; do
    [[ -n "$(field "$f")" ]] || fail "the control field $f is missing"
done
depends="$(field Depends)"
recommends="$(field Recommends)"

# Is relation REL ("a | b") among the comma-separated relations of FIELD? Versions are ignored.
has_relation() {
    local field="$1" want="$2" rel
    want="$(tr -d ' ' <<<"$want")"
    while IFS= read -r rel; do
        rel="$(sed -E 's/\([^)]*\)//g; s/:any//g; s/[[:space:]]//g' <<<"$rel")"
        [[ "$rel" == "$want" ]] && return 0
    done < <(tr ',' '\n' <<<"$field")
    return 1
}
while read -r kind relation; do
    case "$kind" in
        linked)
            has_relation "$depends" "$relation" ||
                fail "Depends lacks $relation, a library the executables link (did dpkg-shlibdeps run?)"
            ;;
        depends)
            has_relation "$depends" "$relation" ||
                fail "Depends lacks $relation (packaging/runtime-packages.txt: loaded at run time)"
            ;;
        recommends)
            has_relation "$recommends" "$relation" || fail "Recommends lacks $relation"
            ;;
        '') ;;
        *) fail "packaging/runtime-packages.txt: unknown kind '$kind'" ;;
    esac
done < <(sed 's/#.*//' "$packages_file")

# 3. The file list.
# The one file outside usr/: Debian 12's systemd looks for packaged units in /lib/systemd/system.
unit_path=/lib/systemd/system/arbor-serve@.service
dpkg-deb -c "$deb" >"$work/contents" || fail "dpkg-deb -c cannot list the package"
awk '{ print $6 }' "$work/contents" | sed 's|^\./|/|; s|/$||' | grep -v '^$' | sort >"$work/files"
for path in /usr/bin/arbor /usr/bin/arborctl \
    /usr/share/applications/org.arbor.Arbor.desktop \
    /usr/share/icons/hicolor/scalable/apps/org.arbor.Arbor.svg \
    /usr/share/metainfo/org.arbor.Arbor.metainfo.xml \
    /usr/share/man/man1/arbor.1.gz /usr/share/man/man1/arborctl.1.gz \
    /usr/share/doc/arbor/copyright /usr/share/doc/arbor/changelog.gz \
    /usr/share/doc/arbor/arbor-engine.env.example "$unit_path"; do
    grep -qxF "$path" "$work/files" || fail "the package lacks $path"
done
module_path="$(grep -E '^/usr/lib/(.+/)?arbor/arbor_postgres\.so$' "$work/files" | head -n 1)"
[[ -n "$module_path" ]] || fail "the package lacks the PostgreSQL module /usr/lib/.../arbor/arbor_postgres.so"
icon_sizes=(16 22 24 32 48 64 128 256 512)
for size in "${icon_sizes[@]}"; do
    path="/usr/share/icons/hicolor/${size}x${size}/apps/org.arbor.Arbor.png"
    grep -qxF "$path" "$work/files" || fail "the package lacks $path"
done
while read -r path; do
    case "$path" in
        /usr | /usr/bin | /usr/bin/arbor | /usr/bin/arborctl | /usr/share) ;;
        /usr/lib | /usr/lib/*-linux-gnu | "${module_path%/*}" | "$module_path") ;;
        /usr/bin/*) fail "unexpected program in the package: $path (a test or helper with an install rule?)" ;;
        /usr/share/*) ;;
        /lib | /lib/systemd | /lib/systemd/system | "$unit_path") ;;
        *) fail "a path outside /usr/bin and /usr/share (and the module and the unit $unit_path): $path" ;;
    esac
    case "$path" in
        *tst_* | *bench* | *fuzz* | */tests/* | *CMakeFiles* | *_CPack_Packages* | *.o | *.a | *.qm)
            fail "a test, build or translation file in the package: $path"
            ;;
    esac
    for build_path in "$build_dir" "$repo"; do
        [[ "$path" == *"$build_path"* ]] && fail "a build path in the package: $path"
    done
done <"$work/files"
# Owned by root, and no group- or world-writable entries.
while read -r line; do
    fail "bad owner or permissions: $line"
done < <(awk '$2 != "root/root" || substr($1, 6, 1) == "w" || substr($1, 9, 1) == "w" { print }' "$work/contents")

# 4. Extract and run.
root="$work/root"
dpkg-deb -x "$deb" "$root" || fail "dpkg-deb -x cannot extract the package"
# An empty RPATH/RUNPATH entry (a leading or trailing ':', or '::') is the current directory: the
# loader would look there for Qt, libpq... first, wherever the program is started from.
empty_search_entry() {
    readelf -d "$1" 2>/dev/null | sed -nE 's/.*\((RPATH|RUNPATH)\).*\[(.*)\]$/\2/p' | grep -qE '^:|::|:$|^$'
}
for built in "$build_dir/app/arbor/arbor" "$build_dir/app/arborctl/arborctl" "$build_dir/lib/arbor/arbor_postgres.so" \
    "$root/usr/bin/arbor" "$root/usr/bin/arborctl" "$root$module_path"; do
    if [[ -f "$built" ]] && empty_search_entry "$built"; then
        fail "${built#"$work/"} searches the current directory for libraries (an empty RPATH/RUNPATH entry)"
    fi
done
for exe in arbor arborctl; do
    bin="$root/usr/bin/$exe"
    [[ -x "$bin" ]] || continue
    if readelf -d "$bin" 2>/dev/null | grep -E 'RPATH|RUNPATH' | grep -qF -e "$build_dir" -e "$repo"; then
        fail "usr/bin/$exe has an RPATH/RUNPATH into the build tree"
    fi
    # Without a display: no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM (tests/run.sh sets offscreen).
    if out="$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM LC_ALL=C.UTF-8 timeout 30 "$bin" --version 2>&1)"; then
        if [[ -n "$version" && "$out" != *"$version"* ]]; then
            fail "usr/bin/$exe --version prints '$out', without the version $version"
        else
            note "usr/bin/$exe --version: $out"
        fi
    else
        fail "usr/bin/$exe --version failed (exit $?): $out"
    fi
done
# PostgreSQL support is the module beside the program: the extracted arborctl loads the extracted
# module (the dynamic loader's own log says which file), and a SQLite database loads no libpq.
if [[ -x "$root/usr/bin/arborctl" && -n "$module_path" ]]; then
    pg_log="$(env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS LC_ALL=C.UTF-8 LD_DEBUG=files timeout 30 \
        "$root/usr/bin/arborctl" --db postgresql://arbor@127.0.0.1:1/arbor chain list 2>&1)"
    if ! grep -qF "Cannot connect to" <<<"$pg_log"; then
        fail "usr/bin/arborctl on a PostgreSQL URL did not get as far as connecting: $(grep -m3 'error' <<<"$pg_log")"
    elif ! grep -qE "file=$root$module_path .*dynamically loaded" <<<"$pg_log"; then
        fail "usr/bin/arborctl did not load the packaged module $module_path: $(grep -m2 'arbor_postgres' <<<"$pg_log")"
    else
        note "usr/bin/arborctl loads $module_path for a PostgreSQL URL"
    fi
    sqlite_log="$(env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS LC_ALL=C.UTF-8 LD_DEBUG=files timeout 30 \
        "$root/usr/bin/arborctl" --db "sqlite://$work/none.db" chain list 2>&1)"
    if grep -qE "file=[^ ]*(libpq|arbor_postgres)" <<<"$sqlite_log"; then
        fail "usr/bin/arborctl loaded libpq for a SQLite database: $(grep -m2 -E 'file=[^ ]*(libpq|arbor_postgres)' <<<"$sqlite_log")"
    fi
fi
# The translations are embedded (no .qm files installed): German help differs from English.
if [[ -x "$root/usr/bin/arbor" ]]; then
    help_c="$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM LC_ALL=C.UTF-8 LANGUAGE= timeout 30 "$root/usr/bin/arbor" --help 2>&1)"
    help_de="$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM LC_ALL=de_DE.UTF-8 LANGUAGE=de timeout 30 "$root/usr/bin/arbor" --help 2>&1)"
    if [[ -z "$help_c" || "$help_c" == "$help_de" ]]; then
        fail "usr/bin/arbor --help is not translated under LC_ALL=de_DE.UTF-8: are the .qm files embedded?"
    else
        note "usr/bin/arbor --help is translated (German): $(grep -m1 -v '^Usage\|^Aufruf' <<<"$help_de")"
    fi
fi

# The PNG icons: each is a PNG of the size its directory names (width and height from the IHDR).
for size in "${icon_sizes[@]}"; do
    png="$root/usr/share/icons/hicolor/${size}x${size}/apps/org.arbor.Arbor.png"
    [[ -f "$png" ]] || continue
    read -r -a header < <(od -An -v -tu1 -N24 "$png" | tr -s ' \n' ' ')
    signature="${header[*]:0:8}"
    width=$(((header[16] << 24) | (header[17] << 16) | (header[18] << 8) | header[19]))
    height=$(((header[20] << 24) | (header[21] << 16) | (header[22] << 8) | header[23]))
    if [[ "$signature" != "137 80 78 71 13 10 26 10" ]]; then
        fail "${png#"$root"} is not a PNG"
    elif ((width != size || height != size)); then
        fail "${png#"$root"} is ${width}x${height}, not ${size}x${size}"
    fi
done

# The manual page of arborctl has an entry for every command `arborctl --help` lists (its lines
# indented by exactly two spaces under "Commands:"; a command is the first word, and the second
# when that is a lowercase word, not an option or a placeholder).
manpage="$root/usr/share/man/man1/arborctl.1.gz"
if [[ -x "$root/usr/bin/arborctl" && -f "$manpage" ]]; then
    # The page's text without font changes and with plain hyphens, one line per paragraph line.
    man_text="$(gzip -dc "$manpage" | sed -E 's/\\f[BIRP]//g; s/\\-/-/g; s/\\\(en/-/g' | tr -s ' ')"
    commands="$(LC_ALL=C.UTF-8 LANGUAGE= "$root/usr/bin/arborctl" --help 2>&1 |
        sed -n '/^Commands:/,/^$/p' | grep -E '^  [a-z]' | sed -E 's/^  //; s/  .*//' |
        awk '{ if ($2 ~ /^[a-z][a-z-]*$/) print $1 " " $2; else print $1 }' | sort -u)"
    [[ -n "$commands" ]] || fail "found no commands in usr/bin/arborctl --help"
    missing_commands=()
    while read -r command; do
        [[ -z "$command" ]] && continue
        # The command is at the start of an entry line (.B/.BI/.BR, the TQ entries included).
        grep -qE "^\.B[IR]? \"?${command}( |\"|$)" <<<"$man_text" || missing_commands+=("$command")
    done <<<"$commands"
    if ((${#missing_commands[@]} > 0)); then
        fail "packaging/man/arborctl.1.in has no entry for: $(IFS=,; echo "${missing_commands[*]}" | sed 's/,/, /g') (arborctl --help lists them)"
    else
        note "arborctl.1 has an entry for each of the $(wc -l <<<"$commands") commands of arborctl --help"
    fi
fi

# The changelog's newest entry is this version; the copyright file is machine-readable (DEP-5).
changelog="$root/usr/share/doc/arbor/changelog.gz"
if [[ -n "$version" && -f "$changelog" ]]; then
    top="$(gzip -dc "$changelog" | head -n1)"
    [[ "$top" == "arbor ($version) "* ]] ||
        fail "packaging/changelog starts with '$top', not an entry for arbor ($version): add one"
fi
copyright="$root/usr/share/doc/arbor/copyright"
if [[ -f "$copyright" ]] &&
    ! head -n1 "$copyright" | grep -qxF 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/'; then
    fail "usr/share/doc/arbor/copyright does not start with the DEP-5 Format line"
fi

# The metainfo announces this version among its releases (a version bump updates both).
metainfo="$root/usr/share/metainfo/org.arbor.Arbor.metainfo.xml"
if [[ -n "$version" && -f "$metainfo" ]] && ! grep -q "<release [^>]*version=\"$version\"" "$metainfo"; then
    fail "resources/org.arbor.Arbor.metainfo.xml has no <release version=\"$version\">: add the release"
fi

# 5. The freedesktop validators, on the files as installed.
desktop="$root/usr/share/applications/org.arbor.Arbor.desktop"
if command -v desktop-file-validate >/dev/null 2>&1; then
    if [[ -f "$desktop" ]]; then
        if out="$(desktop-file-validate "$desktop" 2>&1)"; then
            note "desktop-file-validate: passed${out:+ ($out)}"
        else
            fail "desktop-file-validate: $out"
        fi
    fi
else
    note "skipped: desktop-file-validate not installed (packaging/deps.sh test installs desktop-file-utils)"
fi
if command -v appstreamcli >/dev/null 2>&1; then
    if [[ -f "$metainfo" ]]; then
        if out="$(appstreamcli validate --no-net "$metainfo" 2>&1)"; then
            note "appstreamcli validate: $(tail -n1 <<<"$out")"
        else
            fail "appstreamcli validate: $out"
        fi
    fi
    # The installed tree: the metainfo's launchable desktop entry and its icon are found.
    if out="$(appstreamcli validate-tree --no-net "$root" 2>&1)"; then
        note "appstreamcli validate-tree: $(tail -n1 <<<"$out")"
    else
        fail "appstreamcli validate-tree: $out"
    fi
else
    note "skipped: appstreamcli not installed (packaging/deps.sh test installs appstream)"
fi

# The systemd unit, as installed: what it starts, where its environment comes from, and
# systemd-analyze verify on it (any word from it on the unit fails: it exits 0 on unknown keys).
unit="$root$unit_path"
if [[ -f "$unit" ]]; then
    exec_start="$(sed -n 's/^ExecStart=//p' "$unit")"
    read -r -a exec_words <<<"$exec_start"
    if [[ "${exec_words[0]:-}" != /usr/bin/arborctl || "${exec_words[1]:-}" != serve ||
        "$exec_start" != *"--engine-name %i"* ]]; then
        fail "${unit_path#/}: ExecStart is '$exec_start', not /usr/bin/arborctl serve --engine-name %i …"
    elif [[ -x "$root/usr/bin/arborctl" ]]; then
        serve_help="$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM LC_ALL=C.UTF-8 LANGUAGE= timeout 30 \
            "$root/usr/bin/arborctl" serve --help 2>&1)"
        for word in "${exec_words[@]:2}"; do
            [[ "$word" == --* ]] || continue
            grep -qE -- "(^|[ ,])${word}([ ,=<]|$)" <<<"$serve_help" ||
                fail "${unit_path#/}: ExecStart passes $word, which usr/bin/arborctl serve --help does not list"
        done
    fi
    grep -qxF 'EnvironmentFile=/etc/arbor/%i.env' "$unit" ||
        fail "${unit_path#/} does not read its environment from /etc/arbor/%i.env"
    grep -qiE '^[^#]*(PGPASSWORD|password)' "$unit" &&
        fail "${unit_path#/} names a password: it belongs in /etc/arbor/%i.env or a .pgpass, never in the unit"
    if command -v systemd-analyze >/dev/null 2>&1; then
        # The host's systemd, with ExecStart pointing at the extracted arborctl (verify wants it
        # executable); the manual page is checked above. What it says of the host's own units
        # (the targets the unit names pull them in) is not the package's business.
        mkdir -p "$work/unit"
        sed "s|^ExecStart=/usr/bin/arborctl|ExecStart=$root/usr/bin/arborctl|" "$unit" >"$work/unit/${unit_path##*/}"
        if ! out="$(systemd-analyze verify --man=no --recursive-errors=no "$work/unit/${unit_path##*/}" 2>&1)"; then
            fail "systemd-analyze verify ${unit_path##*/} failed: $out"
        elif grep -qF 'arbor-serve@' <<<"$out"; then
            fail "systemd-analyze verify ${unit_path##*/}: $(grep -F 'arbor-serve@' <<<"$out")"
        else
            note "systemd-analyze verify ${unit_path##*/}: passed"
        fi
    else
        note "skipped: systemd-analyze not installed (Debian's systemd package)"
    fi
fi

# 6. lintian, with the Debian profile: errors and warnings fail; the informational tags are shown.
if command -v lintian >/dev/null 2>&1; then
    start=$SECONDS
    # (As root, lintian first says it should not run as root: not a finding.)
    if out="$(lintian --fail-on error,warning --display-info "$deb" 2>&1 |
        grep -vxF 'running with root privileges is not recommended!'; exit "${PIPESTATUS[0]}")"; then
        note "lintian: clean of errors and warnings in $((SECONDS - start)) s${out:+; informational:}"
        [[ -n "$out" ]] && sed 's/^/    /' <<<"$out" >&2
    else
        fail "lintian found errors or warnings (fix them, or override with a reason in packaging/lintian-overrides):
$(sed 's/^/    /' <<<"$out")"
    fi
else
    note "skipped: lintian not installed (packaging/deps.sh test installs it)"
fi

# 7. Report.
note "Depends: $depends"
note "Recommends: $recommends"
note "files:"
sed 's/^/    /' "$work/files" >&2
if ((failures > 0)); then
    note "$failures check(s) FAILED for ${deb##*/}"
    exit 1
fi
note "OK: ${deb##*/}"
