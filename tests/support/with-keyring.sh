#!/usr/bin/env bash
# Run a command with a private, unlocked keyring and a throwaway home.
#
#   tests/support/with-keyring.sh CMD [ARGS]...
#
# CMD runs inside its own D-Bus session (dbus-run-session) with a gnome-keyring daemon that
# provides the Secret Service, unlocked with a fixed test password. HOME and the XDG data,
# config, cache and runtime directories point at fresh temporary directories (mode 700), removed
# afterwards, so tests never touch the real user's keyring or settings. Exits with CMD's status.
# Without dbus-run-session or gnome-keyring-daemon, CMD runs with the same throwaway directories
# but no session bus, and a warning.
set -euo pipefail

warn() { printf 'with-keyring: warning: %s\n' "$*" >&2; }

# Second stage, inside the new session bus: start and unlock the keyring, wait until it owns the
# Secret Service name (so D-Bus activation cannot start a second, locked daemon), then run CMD.
# The daemon exits by itself when the session bus goes away.
in_session() {
    local env line owned=no
    if env="$(printf %s pw | gnome-keyring-daemon --unlock --components=secrets)"; then
        while IFS= read -r line; do
            [[ "$line" == *=* ]] && export "${line?}"
        done <<<"$env"
        for _ in {1..50}; do
            if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
                org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
                grep -q 'boolean true'; then
                owned=yes
                break
            fi
            sleep 0.1
        done
        [[ "$owned" == yes ]] || warn "the keyring did not claim org.freedesktop.secrets"
    else
        warn "gnome-keyring-daemon failed to start"
    fi
    exec "$@"
}

if [[ "${1:-}" == --in-session ]]; then
    shift
    in_session "$@"
fi

(($# > 0)) || { echo "usage: tests/support/with-keyring.sh CMD [ARGS]..." >&2; exit 2; }

base="$(mktemp -d "${TMPDIR:-/tmp}/arbor-keyring.XXXXXX")"
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() { rm -rf "$base"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for sub in home data config cache runtime; do
    mkdir -m 700 "$base/$sub"
done
export HOME="$base/home"
export XDG_DATA_HOME="$base/data"
export XDG_CONFIG_HOME="$base/config"
export XDG_CACHE_HOME="$base/cache"
export XDG_RUNTIME_DIR="$base/runtime"
# Never fall through to the real user's session bus (and with it, their keyring).
unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL

rc=0
if command -v dbus-run-session >/dev/null 2>&1 && command -v gnome-keyring-daemon >/dev/null 2>&1; then
    dbus-run-session -- bash "$(realpath "${BASH_SOURCE[0]}")" --in-session "$@" || rc=$?
else
    warn "dbus-run-session or gnome-keyring-daemon missing: running without a keyring" \
        "(install them: packaging/deps.sh test)"
    "$@" || rc=$?
fi
exit "$rc"
