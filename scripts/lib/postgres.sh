# Starts a throwaway PostgreSQL server for this shell (sourced by scripts/test.sh and scripts/bench.sh).
# Sets JIANFU_TEST_POSTGRES; stop_postgres stops it and removes its data.

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

start_postgres() {
  local bin; bin=$(pg_bin)
  if [ -z "$bin" ]; then
    echo "PostgreSQL is not installed" >&2
    return 1
  fi
  PGDIR=$(mktemp -d /tmp/jianfu-pg-XXXXXX)
  PGPORT=${JIANFU_TEST_PG_PORT:-$((20000 + RANDOM % 20000))}
  local run=()
  if [ "$(id -u)" -eq 0 ]; then
    # The server refuses to run as root: run it as the postgres system user.
    id postgres >/dev/null 2>&1 || useradd --system --home "$PGDIR" postgres
    chown postgres "$PGDIR"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$bin/initdb" -D "$PGDIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$PGDIR/initdb.log" 2>&1 \
    || { cat "$PGDIR/initdb.log" >&2; return 1; }
  "${run[@]}" "$bin/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
    -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null \
    || { cat "$PGDIR/server.log" >&2; return 1; }
  PG_STOP=("${run[@]}" "$bin/pg_ctl" -D "$PGDIR/data" -m immediate stop)
  export JIANFU_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=40"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT (data in $PGDIR, removed at exit)"
}

stop_postgres() {
  if [ -n "${PG_STOP:-}" ]; then "${PG_STOP[@]}" >/dev/null 2>&1 || true; fi
  if [ -n "${PGDIR:-}" ]; then rm -rf "$PGDIR"; fi
}
