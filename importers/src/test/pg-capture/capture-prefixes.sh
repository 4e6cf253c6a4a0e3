#!/usr/bin/env bash
# Regenerates importers/src/test/resources/samples/postgres/prefix-*.log with Debian's PostgreSQL 15:
# one server log per log_line_prefix, each holding the same small workload run through psql over
# TCP (so %r and %h have a host and port): a web-like transaction (BEGIN, SET, set_config, SHOW,
# a statement repeated 8 times, SAVEPOINT, COMMIT), the same function called with 2 and 3
# arguments, IN lists of 2 and 5 values, and a batch session repeating one statement 40 times.
#
# Runs as root on Debian 12 with postgresql-15 installed; the server listens on loopback only and
# is stopped on exit. Takes about 20 seconds.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/../resources/samples/postgres"
work=/tmp/pg-prefix-capture
PGPORT=55433
. "$here/pg-lib.sh"
mkdir -p "$out"

# name|log_line_prefix (rds is Amazon RDS/Aurora's documented default; debian is PostgreSQL's
# default with the user and database Debian's packaging adds; keyed is the key="value" style some
# hosted services use, with the error code first)
prefixes=(
  "rds|%t:%r:%u@%d:[%p]:"
  "session-dash|%t-%c-"
  "bracket-line|%m [%p]: [%l-1] db=%d,user=%u "
  "pgbadger|%t [%p]: [%l-1] user=%u,db=%d,app=%a,client=%h "
  "debian|%m [%p] %q%u@%d "
  "keyed|sql_error_code = %e time_ms = \"%m\" pid=\"%p\" session_id=\"%c\" database=\"%d\" user=\"%u\" "
)

for entry in "${prefixes[@]}"; do
  name="${entry%%|*}"
  prefix="${entry#*|}"
  pg_start "logging_collector = on
log_destination = 'stderr'
log_directory = '$work/log'
log_filename = 'postgresql.log'
log_line_prefix = '$prefix'
log_min_duration_statement = 0
log_timezone = 'UTC'"
  psql() { pg_psql "$@" >/dev/null; }
  psql -c "CREATE TABLE item (id int PRIMARY KEY, name text, email text)" \
       -c "INSERT INTO item SELECT g, 'item ' || g, 'User' || g || '@Example.com' FROM generate_series(1, 200) g"
  {
    echo "BEGIN;"
    echo "SET statement_timeout = 5000;"
    echo "SELECT set_config('app.tenant', '7', false);"
    echo "SHOW timezone;"
    for i in 1 2 3 4 5 6 7 8; do echo "SELECT id, name FROM item WHERE id = $i;"; done
    echo "SAVEPOINT s1;"
    echo "SELECT substr(name, 1, 4) FROM item WHERE id = 1;"
    echo "SELECT substr(name, 2) FROM item WHERE id = 2;"
    echo "SELECT count(*) FROM item WHERE id IN (1, 2);"
    echo "SELECT count(*) FROM item WHERE id IN (1, 2, 3, 4, 5);"
    echo "RELEASE SAVEPOINT s1;"
    echo "COMMIT;"
  } | psql
  {
    for i in $(seq 1 40); do echo "SELECT email FROM item WHERE upper(email) = upper('user$i@example.com');"; done
  } | PGAPPNAME=nightly-batch psql
  pg_stop
  # The server's own start and stop lines carry the local time of the capture: kept as they are.
  cp "$work/log/postgresql.log" "$out/prefix-$name.log"
  echo "capture: $out/prefix-$name.log ($(wc -l < "$out/prefix-$name.log") lines) with log_line_prefix '$prefix'"
done

# Rotated and compressed, as servers and log shippers keep them: four captures of different traffic,
# each with the tool Debian ships (gzip, bzip2, xz, zstd).
mkdir -p "$out/rotated"
gzip -9 -n -c "$out/prefix-debian.log" > "$out/rotated/postgresql-Mon.log.gz"
bzip2 -9 -c "$out/prefix-pgbadger.log" > "$out/rotated/postgresql-Tue.log.bz2"
xz -9 -c "$out/prefix-session-dash.log" > "$out/rotated/postgresql-Wed.log.xz"
zstd -19 -q -c "$out/prefix-bracket-line.log" > "$out/rotated/postgresql-Thu.log.zst"
