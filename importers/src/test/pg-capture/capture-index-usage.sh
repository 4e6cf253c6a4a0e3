#!/usr/bin/env bash
# Regenerates importers/src/test/resources/samples/postgres/index-usage*.csv with Debian's PostgreSQL
# 15: tables shaped like a Django app's (invoices_invoice, with the indexes Django's migrations make:
# the primary key, a unique constraint, a ForeignKey's index, a db_index field, Meta.indexes), a
# workload that uses some of them, then the statistics exported as the auditor asks the client to
# (the query in docs/cli.md, "Index usage"): index-usage.csv. index-usage-view-only.csv is the raw
# pg_stat_user_indexes view (psql --csv), what a client sends when they skip the query;
# index-usage.json is the query's rows as JSON (json_agg).
#
# Runs as root on Debian 12 with postgresql-15 installed; the server listens on loopback only and is
# stopped on exit. Takes about 10 seconds.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/../resources/samples/postgres"
work=/tmp/pg-index-usage-capture
PGPORT=55436
. "$here/pg-lib.sh"
mkdir -p "$out"
pg_start ""
psql() { pg_psql "$@"; }
psql <<'SQL' >/dev/null
CREATE TABLE customers_customer (id bigserial PRIMARY KEY, tenant_id int NOT NULL, name text NOT NULL);
CREATE TABLE invoices_invoice (
  id bigserial PRIMARY KEY,
  tenant_id int NOT NULL,
  customer_id bigint NOT NULL REFERENCES customers_customer (id) DEFERRABLE INITIALLY DEFERRED,
  number varchar(32) NOT NULL,
  currency varchar(3) NOT NULL,
  status varchar(16) NOT NULL,
  external_ref varchar(64),
  issued_at timestamptz NOT NULL,
  CONSTRAINT invoices_invoice_tenant_number_uniq UNIQUE (tenant_id, number)
);
-- ForeignKey index (Django names it <table>_<column>_<hash>)
CREATE INDEX invoices_invoice_customer_id_5b3f2c1a ON invoices_invoice (customer_id);
-- status = models.CharField(db_index=True)
CREATE INDEX invoices_invoice_status_8c1d4e2b ON invoices_invoice (status);
-- Meta.indexes: models.Index(fields=["currency"], name="invoice_currency_idx"): never used
CREATE INDEX invoice_currency_idx ON invoices_invoice (currency);
-- Meta.indexes: models.Index(fields=["tenant_id"], name="invoice_tenant_idx"): a prefix of the unique constraint's index
CREATE INDEX invoice_tenant_idx ON invoices_invoice (tenant_id);
-- a second index on status, added by hand in a RunSQL migration: a duplicate
CREATE INDEX invoice_status_copy ON invoices_invoice (status);
-- tenancy and status together: the partial index a hot filter would use
CREATE INDEX invoice_open_by_tenant ON invoices_invoice (tenant_id, issued_at) WHERE status IN ('issued', 'overdue');
INSERT INTO customers_customer (tenant_id, name) SELECT g % 5, 'Customer ' || g FROM generate_series(1, 2000) g;
INSERT INTO invoices_invoice (tenant_id, customer_id, number, currency, status, external_ref, issued_at)
  SELECT g % 5, 1 + g % 2000, 'INV-' || g, (ARRAY['EUR','USD','GBP'])[1 + g % 3],
         (ARRAY['draft','issued','paid','overdue'])[1 + g % 4], 'BANK-' || g, now() - (g || ' minutes')::interval
  FROM generate_series(1, 60000) g;
ANALYZE;
SELECT pg_stat_reset();
SQL
sleep 1
{
  for i in $(seq 1 40); do echo "SELECT id FROM invoices_invoice WHERE customer_id = $i;"; done
  for i in $(seq 1 20); do echo "SELECT count(*) FROM invoices_invoice WHERE status = 'overdue' AND tenant_id = $((i % 5));"; done
  for i in $(seq 1 20); do echo "SELECT id FROM invoices_invoice WHERE tenant_id = $((i % 5)) AND number = 'INV-$i';"; done
  for i in $(seq 1 10); do echo "SELECT count(*) FROM invoices_invoice WHERE tenant_id = $((i % 5)) AND status IN ('issued', 'overdue') AND issued_at > now() - interval '1 day';"; done
  for i in $(seq 1 5); do echo "SELECT id FROM invoices_invoice WHERE external_ref = 'BANK-$i';"; done
  for i in $(seq 1 30); do echo "SELECT name FROM customers_customer WHERE id = $i;"; done
  echo "UPDATE invoices_invoice SET status = 'paid' WHERE id % 10 = 0;"
  echo "INSERT INTO invoices_invoice (tenant_id, customer_id, number, currency, status, issued_at) SELECT 1, 1, 'NEW-' || g, 'EUR', 'draft', now() FROM generate_series(1, 500) g;"
} | psql >/dev/null
sleep 1 # the statistics collector's flush (PG 15: at most once a second)

# The query the auditor sends (docs/cli.md, "Index usage"): one row per index with its table's
# activity, whether it is unique, primary or backs a constraint, and its definition.
psql -c "\\copy (SELECT s.schemaname, s.relname, s.indexrelname, s.idx_scan, s.idx_tup_read, s.idx_tup_fetch, pg_relation_size(s.indexrelid) AS index_bytes, i.indisunique AS is_unique, i.indisprimary AS is_primary, EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = s.indexrelid) AS backs_constraint, pg_get_indexdef(s.indexrelid) AS indexdef, t.seq_scan, t.seq_tup_read, t.n_live_tup, t.n_tup_ins, t.n_tup_upd, t.n_tup_del, (SELECT stats_reset FROM pg_stat_database WHERE datname = current_database()) AS stats_reset FROM pg_stat_user_indexes s JOIN pg_index i ON i.indexrelid = s.indexrelid JOIN pg_stat_user_tables t ON t.relid = s.relid ORDER BY s.relname, s.indexrelname) TO '$out/index-usage.csv' CSV HEADER"
psql --csv -c "SELECT * FROM pg_stat_user_indexes ORDER BY relname, indexrelname" > "$out/index-usage-view-only.csv"
# The same query as JSON (json_agg), what a client sends when their tooling prefers JSON.
psql -At -c "SELECT json_agg(t) FROM (SELECT s.schemaname, s.relname, s.indexrelname, s.idx_scan, s.idx_tup_read, s.idx_tup_fetch, pg_relation_size(s.indexrelid) AS index_bytes, i.indisunique AS is_unique, i.indisprimary AS is_primary, EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = s.indexrelid) AS backs_constraint, pg_get_indexdef(s.indexrelid) AS indexdef, t.seq_scan, t.seq_tup_read, t.n_live_tup, t.n_tup_ins, t.n_tup_upd, t.n_tup_del, (SELECT stats_reset FROM pg_stat_database WHERE datname = current_database()) AS stats_reset FROM pg_stat_user_indexes s JOIN pg_index i ON i.indexrelid = s.indexrelid JOIN pg_stat_user_tables t ON t.relid = s.relid ORDER BY s.relname, s.indexrelname) t" > "$out/index-usage.json"
echo "wrote $out/index-usage.csv, index-usage-view-only.csv and index-usage.json"
