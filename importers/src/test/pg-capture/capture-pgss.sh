#!/usr/bin/env bash
# Regenerates importers/src/test/resources/samples/postgres/pgss-*.{csv,json} with Debian's
# PostgreSQL 15 and pg_stat_statements: one small workload, then the same statistics exported the
# ways auditors receive them: psql --csv of the view; \copy with the columns renamed with a unit
# (total_exec_time_ms, mean_exec_time_ms); \copy with only the mean; psql --csv with title-cased
# quoted headers as GUI tools write them; SELECT json_agg(s) (psql -At); and a tool's JSON export
# of that json_agg result (one row holding the array).
#
# Runs as root on Debian 12 with postgresql-15 and postgresql-contrib installed; the server listens
# on loopback only and is stopped on exit. Takes about 10 seconds.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/../resources/samples/postgres"
work=/tmp/pg-pgss-capture
PGPORT=55434
. "$here/pg-lib.sh"
mkdir -p "$out"
pg_start "shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track = top"
psql() { pg_psql "$@"; }
psql -c "CREATE EXTENSION pg_stat_statements" >/dev/null
psql -c "CREATE TABLE item (id int PRIMARY KEY, name text, email text)" \
     -c "INSERT INTO item SELECT g, 'item ' || g, 'User' || g || '@Example.com' FROM generate_series(1, 5000) g" >/dev/null
psql -c "SELECT pg_stat_statements_reset()" >/dev/null
{
  for i in $(seq 1 30); do echo "SELECT id, name FROM item WHERE id = $i;"; done
  for i in $(seq 1 12); do echo "SELECT email FROM item WHERE upper(email) = upper('user$i@example.com');"; done
  for i in $(seq 1 5); do echo "SELECT count(*) FROM item WHERE name LIKE 'item $i%';"; done
  echo "UPDATE item SET name = name || '' WHERE id < 100;"
} | psql >/dev/null

# Only this workload's statements (not the export queries themselves), in a stable order.
sel="FROM pg_stat_statements WHERE query LIKE '%item%' AND query NOT LIKE '%pg_stat_statements%'"
psql --csv -c "SELECT * $sel ORDER BY query" > "$out/pgss-psql-csv.csv"
psql -c "\\copy (SELECT queryid, query, calls, total_exec_time AS total_exec_time_ms, mean_exec_time AS mean_exec_time_ms, max_exec_time AS max_exec_time_ms, rows $sel ORDER BY query) TO '$out/pgss-copy-ms.csv' CSV HEADER"
psql -c "\\copy (SELECT query, calls, mean_exec_time AS mean_exec_time_ms, rows $sel ORDER BY query) TO '$out/pgss-copy-mean-only.csv' CSV HEADER"
psql --csv -c "SELECT query AS \"Query\", calls AS \"Calls\", total_exec_time AS \"Total Exec Time\", max_exec_time AS \"Max Exec Time\", rows AS \"Rows\" $sel ORDER BY query" > "$out/pgss-titlecase.csv"
psql -At -c "SELECT json_agg(s ORDER BY s.query) FROM (SELECT * $sel) s" > "$out/pgss-json-agg.json"
psql -At -c "SELECT json_agg(t) FROM (SELECT json_agg(s ORDER BY s.query) AS json_agg FROM (SELECT * $sel) s) t" > "$out/pgss-json-agg-export.json"
for f in psql-csv.csv copy-ms.csv copy-mean-only.csv titlecase.csv json-agg.json json-agg-export.json; do
  echo "capture: $out/pgss-$f ($(wc -c < "$out/pgss-$f") bytes)"
done
