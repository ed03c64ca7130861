#!/usr/bin/env bash
# A throwaway PostgreSQL server for the storage tests, on 127.0.0.1 and a free port.
#
#   source scripts/postgres-test.sh start    # exports FOI_TEST_POSTGRES_URL (and _DIR)
#   .venv/bin/pytest tests/test_storage.py
#   source scripts/postgres-test.sh stop
#
# or, without sourcing:
#
#   eval "$(scripts/postgres-test.sh start)"    # prints the export lines
#   ...
#   scripts/postgres-test.sh stop               # uses FOI_TEST_POSTGRES_DIR, else the last start
#
# Finds initdb/pg_ctl in /usr/lib/postgresql/*/bin or on PATH (installs the postgresql package
# with apt-get when missing and running as root). initdb refuses to run as root, so as root the
# server runs as the "postgres" user. The data directory and socket live in a temporary folder,
# removed by "stop".

_foi_pg_log() { echo "postgres-test: $*" >&2; }

_foi_pg_state_file() { echo "${TMPDIR:-/tmp}/foi-postgres-test.last"; }

_foi_pg_bindir() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
            echo "$dir"
            return 0
        fi
    done
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v initdb)")"
        return 0
    fi
    return 1
}

_foi_pg_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Run a command as the server's owner: "postgres" when we are root, else ourselves.
_foi_pg_as_owner() {
    if [ "$(id -u)" = "0" ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

_foi_pg_start() {
    local bindir tmp port db="foi_test" user
    if ! bindir="$(_foi_pg_bindir)"; then
        if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
            _foi_pg_log "PostgreSQL not found; installing it with apt-get"
            DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2 || return 1
            bindir="$(_foi_pg_bindir)" || { _foi_pg_log "initdb still not found"; return 1; }
        else
            _foi_pg_log "PostgreSQL (initdb, pg_ctl) not found; install the postgresql package"
            return 1
        fi
    fi
    if [ "$(id -u)" = "0" ] && ! id postgres >/dev/null 2>&1; then
        _foi_pg_log "running as root but there is no 'postgres' user to own the server"
        return 1
    fi
    tmp="$(mktemp -d "${TMPDIR:-/tmp}/foi-postgres.XXXXXX")" || return 1
    chmod 755 "$tmp"
    if [ "$(id -u)" = "0" ]; then
        chown postgres: "$tmp"
        user="postgres"
    else
        user="$(id -un)"
    fi
    port="$(_foi_pg_free_port)" || return 1

    _foi_pg_as_owner "$bindir/initdb" -D "$tmp/data" -U "$user" -A trust -E UTF8 \
        --locale=C --no-sync >"$tmp/initdb.log" 2>&1 \
        || { _foi_pg_log "initdb failed:"; cat "$tmp/initdb.log" >&2; return 1; }
    _foi_pg_as_owner "$bindir/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -t 60 \
        -o "-h 127.0.0.1 -p $port -k $tmp -F -c fsync=off -c full_page_writes=off" start \
        >/dev/null \
        || { _foi_pg_log "the server did not start:"; cat "$tmp/server.log" >&2; return 1; }
    _foi_pg_as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U "$user" "$db" \
        || { _foi_pg_log "createdb failed"; _foi_pg_stop_dir "$tmp"; return 1; }

    echo "$tmp" >"$(_foi_pg_state_file)"
    echo "$bindir" >"$tmp/bindir"
    export FOI_TEST_POSTGRES_URL="postgresql+psycopg://$user@127.0.0.1:$port/$db"
    export FOI_TEST_POSTGRES_DIR="$tmp"
    _foi_pg_log "PostgreSQL running on 127.0.0.1:$port (data in $tmp)"
    echo "export FOI_TEST_POSTGRES_URL=$FOI_TEST_POSTGRES_URL"
    echo "export FOI_TEST_POSTGRES_DIR=$FOI_TEST_POSTGRES_DIR"
}

_foi_pg_stop_dir() {
    local tmp="$1" bindir
    [ -n "$tmp" ] && [ -d "$tmp/data" ] || { _foi_pg_log "no test server found to stop"; return 0; }
    bindir="$(cat "$tmp/bindir" 2>/dev/null || _foi_pg_bindir)"
    _foi_pg_as_owner "$bindir/pg_ctl" -D "$tmp/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$tmp"
    _foi_pg_log "stopped and removed $tmp"
}

_foi_pg_stop() {
    local tmp="${FOI_TEST_POSTGRES_DIR:-}"
    if [ -z "$tmp" ] && [ -f "$(_foi_pg_state_file)" ]; then
        tmp="$(cat "$(_foi_pg_state_file)")"
    fi
    _foi_pg_stop_dir "$tmp"
    if [ -f "$(_foi_pg_state_file)" ] && [ "$(cat "$(_foi_pg_state_file)")" = "$tmp" ]; then
        rm -f "$(_foi_pg_state_file)"
    fi
    unset FOI_TEST_POSTGRES_URL FOI_TEST_POSTGRES_DIR
}

_foi_pg_main() {
    case "${1:-}" in
        start) _foi_pg_start ;;
        stop) _foi_pg_stop ;;
        *)
            _foi_pg_log "usage: scripts/postgres-test.sh start|stop (or source it)"
            return 2
            ;;
    esac
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
    _foi_pg_main "$@" >/dev/null   # sourced: export into the caller's shell, print nothing
else
    _foi_pg_main "$@"
    exit $?
fi
