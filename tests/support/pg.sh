#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests.
#
#   tests/support/pg.sh start DIR    initdb (once) and start a server in DIR; prints its URL
#   tests/support/pg.sh stop DIR     stop it (fast mode); safe to call twice or on a missing DIR
#
# The server listens on 127.0.0.1 only, on a free port chosen here (another server may already
# use 5432), with its unix socket inside DIR, trust authentication (but for the role arbor_pw,
# which needs its password) and durability switched off
# for speed. `start` prints postgresql://postgres@127.0.0.1:PORT/postgres on stdout and nothing
# else; progress and errors go to stderr. As root the server runs as the postgres user.
set -euo pipefail

PG_BINDIR="${PG_BINDIR:-/usr/lib/postgresql/15/bin}"

log() { printf 'pg.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
    echo "usage: tests/support/pg.sh start DIR | stop DIR" >&2
    exit 2
}

# Run a PostgreSQL program as the cluster's owner: postgres when we are root (the server refuses
# to run as root), ourselves otherwise. From / because postgres may not be able to read our cwd.
as_owner() {
    if ((EUID == 0)); then
        (cd / && runuser -u postgres -- "$@")
    else
        (cd / && "$@")
    fi
}

port_in_use() {
    # A connect that succeeds means something listens there (on 127.0.0.1 or a wildcard address).
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pick_port() {
    local port tries
    for ((tries = 0; tries < 200; tries++)); do
        # 15432..32431: clear of well-known ports and of Linux's ephemeral range (32768+).
        port=$((15432 + RANDOM % 17000))
        if ! port_in_use "$port"; then
            echo "$port"
            return 0
        fi
    done
    die "no free loopback port found"
}

# Succeeds when the cluster in $data runs (pg_ctl status: 3 not running, 4 no data directory).
cluster_status() {
    local rc=0
    as_owner "$PG_BINDIR/pg_ctl" -D "$data" status >/dev/null 2>&1 || rc=$?
    return "$rc"
}

cmd_start() {
    [[ -x "$PG_BINDIR/pg_ctl" ]] ||
        die "PostgreSQL 15 not found in $PG_BINDIR (install it: packaging/deps.sh test)"

    mkdir -p "$dir"
    if ((EUID == 0)); then
        id -u postgres >/dev/null 2>&1 || die "no 'postgres' user (install postgresql-15)"
        chown postgres:postgres "$dir"
        runuser -u postgres -- test -w "$dir" ||
            die "the postgres user cannot write $dir (is a parent directory private?)"
    fi

    local sock="$dir/sock"
    # The socket path (sock/.s.PGSQL.NNNNN) must fit in sockaddr_un (107 bytes).
    ((${#sock} + 18 <= 107)) || die "DIR path too long for a unix socket: $dir"

    if cluster_status && [[ -s "$dir/url" ]]; then
        log "already running in $dir"
        cat "$dir/url"
        return 0
    fi

    if [[ ! -f "$data/PG_VERSION" ]]; then
        log "initdb in $data"
        mkdir -p "$sock"
        ((EUID == 0)) && chown postgres:postgres "$sock"
        if ! as_owner "$PG_BINDIR/initdb" -D "$data" -U postgres --auth=trust \
            --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1; then
            cat "$dir/initdb.log" >&2
            die "initdb failed"
        fi
        echo "include = 'arbor-test.conf'" | as_owner tee -a "$data/postgresql.conf" >/dev/null
        # Everyone is trusted except the role arbor_pw, which must give its password: the tests
        # use it to prove the password really comes from the keychain or PGPASSWORD.
        {
            echo "host all arbor_pw 127.0.0.1/32 scram-sha-256"
            cat "$data/pg_hba.conf"
        } >"$dir/pg_hba.conf.new"
        as_owner tee "$data/pg_hba.conf" <"$dir/pg_hba.conf.new" >/dev/null
        rm -f "$dir/pg_hba.conf.new"
    fi

    local port attempt
    for ((attempt = 1; attempt <= 10; attempt++)); do
        port="$(pick_port)"
        local log_lines=0
        [[ -f "$dir/postgres.log" ]] && log_lines="$(wc -l <"$dir/postgres.log")"
        as_owner tee "$data/arbor-test.conf" >/dev/null <<EOF
# Written by tests/support/pg.sh: a throwaway test cluster, not durable.
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$sock'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF
        if as_owner "$PG_BINDIR/pg_ctl" -D "$data" -l "$dir/postgres.log" -w -t 60 start >&2; then
            local url="postgresql://postgres@127.0.0.1:$port/postgres"
            echo "$url" >"$dir/url"
            log "started on port $port (log: $dir/postgres.log)"
            echo "$url"
            return 0
        fi
        # Another process may have taken the port between the check and the bind: try another.
        if tail -n "+$((log_lines + 1))" "$dir/postgres.log" 2>/dev/null |
            grep -q 'Address already in use'; then
            log "port $port was taken meanwhile, trying another"
            continue
        fi
        tail -n 30 "$dir/postgres.log" >&2 || true
        die "the server did not start"
    done
    die "could not start the server after $((attempt - 1)) attempts"
}

cmd_stop() {
    if [[ ! -d "$data" ]]; then
        log "nothing to stop in $dir"
        return 0
    fi
    if ! cluster_status; then
        log "not running in $dir"
        return 0
    fi
    as_owner "$PG_BINDIR/pg_ctl" -D "$data" -m fast -w -t 60 stop >&2
}

(($# == 2)) || usage
action="$1"
[[ -n "$2" ]] || usage
# Absolute paths: the programs run from /.
dir="$(realpath -m -- "$2")"
data="$dir/data"

case "$action" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    *) usage ;;
esac
