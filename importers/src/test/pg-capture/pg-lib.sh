# Shared by the capture scripts here: a throw-away PostgreSQL 15 server (Debian 12's package) in
# $work, listening on 127.0.0.1:$PGPORT only. Source it after setting work and PGPORT.
PGBIN=/usr/lib/postgresql/15/bin

pg_stop() { runuser -u postgres -- "$PGBIN/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true; }

# pg_start "extra postgresql.conf lines": a fresh cluster with those settings, started.
pg_start() {
  pg_stop
  rm -rf "$work"
  mkdir -p "$work"
  chown postgres "$work"
  runuser -u postgres -- "$PGBIN/initdb" -D "$work/pg" -U postgres -A trust --locale=C.UTF-8 >/dev/null
  {
    echo "listen_addresses = '127.0.0.1'"
    echo "port = $PGPORT"
    echo "unix_socket_directories = '$work'"
    printf '%s\n' "$1"
  } >> "$work/pg/postgresql.conf"
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$work/pg" -w start >/dev/null
}

# psql against the server, quietly, without reading ~/.psqlrc.
pg_psql() { /usr/bin/psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres "$@"; }

trap pg_stop EXIT
